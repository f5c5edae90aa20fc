/**
 * The rule sandbox: decides, on the parsed form of a rule file ({@link org.dudao.ast.RuleFile}),
 * whether each rule lies within the language an analyst writes (documented in rules/README.md,
 * “规则可以写什么”), before Drools compiles anything. An allow-list: what is not named here is
 * refused, with its place and a Chinese explanation. The consequence and the constraints are read
 * with a parser of their own small expression language ({@link org.dudao.ast.ExpressionParser}, shared with the rest of {@code org.dudao.ast}), never by looking
 * for words in text.
 *
 * <p>Internal: not part of dudao's API, which is {@link org.dudao.api}; anything here may change in any release.
 */
package org.dudao.compile;
