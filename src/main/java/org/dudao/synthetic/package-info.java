/**
 * Internal: Generated sample and national-scale data for demonstrations and load tests.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.synthetic;
