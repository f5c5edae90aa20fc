/**
 * Internal: {@code dudao serve}, the inspection office's console in a browser; a client of {@link org.dudao.api}.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.serve;
