/**
 * A rule file as parsed data: what Drools' own parser ({@code DrlParser}) reads from a {@code .drl}
 * file, with the line and column of every part, in types of our own so that the checks and tools
 * built on it ({@code compile}, the lints, the catalogue) do not depend on Drools' descriptor classes.
 * Like the AST of Open Policy Agent, it keeps what an author wrote (metadata, conditions, the
 * consequence's text) and where, and decides nothing.
 *
 * <p>Internal: not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.ast;
