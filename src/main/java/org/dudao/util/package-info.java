/**
 * Internal: Small helpers with no knowledge of the domain (hashes, file-name charsets).
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.util;
