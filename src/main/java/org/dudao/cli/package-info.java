/**
 * Internal: The command line ({@code dudao evaluate}, {@code batch}, {@code rules}, …): a thin shell over {@link org.dudao.api} and the tools. Nothing depends on it.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.cli;
