/**
 * Internal: The 填报模板 a county fills in, made from the metrics the rules read.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.template;
