/**
 * Internal: {@code dudao rules test}: the rules' fixtures (workbooks with expected verdicts) and their coverage.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.ruletest;
