/**
 * Internal: {@code dudao batch}: many regions' runs over one compiled rule set, skipping unchanged ones, recorded in the history; a client of {@link org.dudao.api}.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.batch;
