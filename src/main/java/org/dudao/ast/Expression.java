package org.dudao.ast;

import java.util.List;

/**
 * A parsed expression of the rule language; {@code at} is the offset of its first token in the text
 * it was read from. The parser builds any of these shapes; {@code org.dudao.compile.RuleSandbox} decides which shapes a
 * consequence, a condition or a {@code from} may have.
 */
public sealed interface Expression {
    int at();

    /** A string ({@code "县"}), a number, {@code true}, {@code false} or {@code null}. */
    record Literal(Object value, String text, int at) implements Expression {}

    /** A plain name: a field of the fact, or {@code kcontext}. */
    record Name(String name, int at) implements Expression {}

    /** A variable bound in the conditions: {@code $e}. */
    record Var(String name, int at) implements Expression {}

    /** {@code target.name}: a field of a variable ({@code $e.code}), or a qualified name; {@code at} is where the target starts. */
    record Select(Expression target, String name, int at) implements Expression {}

    /** {@code name(args)}: a function. */
    record Call(String name, List<Expression> args, int at) implements Expression {}

    /** {@code target.name(args)}: a method; {@code at} is where the target starts. */
    record MethodCall(Expression target, String name, List<Expression> args, int at) implements Expression {}

    /** {@code !x}. */
    record Not(Expression operand, int at) implements Expression {}

    /** {@code a && b}, {@code a || b}. */
    record Logical(String op, Expression left, Expression right, int at) implements Expression {}

    /** {@code a == b} and the other comparisons, {@code a matches b}, {@code a not matches b}. */
    record Compare(String op, Expression left, Expression right, int at) implements Expression {}

    /** {@code a in (x, y)}, {@code a not in (x, y)}. */
    record In(boolean negated, Expression left, List<Expression> values, int at) implements Expression {}

    /** {@code $v : field} in a condition. */
    record Binding(String var, Expression value, int at) implements Expression {}
}
