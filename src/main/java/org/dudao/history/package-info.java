/**
 * Internal: The run history (SQLite or PostgreSQL, Flyway migrations): runs, verdicts, changes and trends between runs.
 *
 * <p>Not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.history;
