/**
 * Internal: Reading workbooks (xlsx, xls, csv) into a {@link org.dudao.model.Dataset}: header detection, units, validity ranges, located load problems.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.load;
