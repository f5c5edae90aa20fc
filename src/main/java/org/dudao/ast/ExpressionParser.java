package org.dudao.ast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parser of the rule expression language: one grammar for a consequence (statements), a
 * constraint of a pattern and the expression after {@code from}. The text must be read to its end;
 * what is left over is an error, never ignored. Precedence as in Java and MVEL: {@code ||} below
 * {@code &&} below the comparisons.
 * <pre>
 * statements  := { expression ";" }
 * constraint  := VAR ":" expression | expression
 * expression  := and { "||" and }
 * and         := comparison { "&amp;&amp;" comparison }
 * comparison  := unary [ ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "matches" | "not" "matches") unary
 *                      | ["not"] "in" "(" expression { "," expression } ")" ]
 * unary       := "!" unary | "-" NUMBER | postfix
 * postfix     := primary { "." IDENT [ arguments ] }
 * primary     := STRING | NUMBER | "true" | "false" | "null" | VAR | IDENT [ arguments ] | "(" expression ")"
 * arguments   := "(" [ expression { "," expression } ] ")"
 * </pre>
 * Java keywords ({@code new}, {@code class}, {@code this} …) are not names: they are refused where they appear.
 */
public final class ExpressionParser {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "var", "yield", "record", "sealed", "permits", "eval",
            "modify", "update", "retract", "delete");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private int p;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The statements of a consequence, each an expression ended by {@code ;}; the first error ends the reading. */
    public static List<Expression> statements(String text) throws SyntaxError {
        Statements read = statementsAndErrors(text);
        if (!read.errors().isEmpty()) throw read.errors().get(0);
        return read.statements();
    }

    /** The statements of a consequence that parse, and the syntax error of each that does not. */
    public record Statements(List<Expression> statements, List<SyntaxError> errors) {}

    /**
     * Every statement of a consequence: after a syntax error the reading goes on after the next
     * {@code ;}, so that a consequence with two mistakes is refused for both at once. A character the
     * language does not have (a backslash, an unclosed string) still ends it: nothing after can be read.
     */
    public static Statements statementsAndErrors(String text) throws SyntaxError {
        ExpressionParser x = new ExpressionParser(Lexer.tokens(text, true));
        List<Expression> out = new ArrayList<>();
        List<SyntaxError> errors = new ArrayList<>();
        while (x.peek().kind() != Token.Kind.END) {
            try {
                Expression e = x.expression();
                x.expect(";", "语句应以分号“;”结束");
                out.add(e);
            } catch (SyntaxError e) {
                errors.add(e);
                // a ; is never inside an expression of this language (only in a string, which is one token)
                while (x.peek().kind() != Token.Kind.END && !x.peek().is(";")) x.take();
                x.accept(";");
            }
        }
        return new Statements(out, errors);
    }

    /** One constraint of a pattern. */
    public static Expression constraint(String text) throws SyntaxError {
        ExpressionParser x = new ExpressionParser(Lexer.tokens(text, false));
        Expression e;
        if (x.peek().kind() == Token.Kind.VAR && x.tokens.get(x.p + 1).is(":")) {
            Token var = x.take();
            x.take();
            e = new Expression.Binding(var.text(), x.expression(), var.at());
        } else {
            e = x.expression();
        }
        x.end();
        return e;
    }

    /** The expression after {@code from}. */
    public static Expression expression(String text) throws SyntaxError {
        ExpressionParser x = new ExpressionParser(Lexer.tokens(text, false));
        Expression e = x.expression();
        x.end();
        return e;
    }

    private Expression expression() throws SyntaxError {
        Expression left = and();
        while (peek().is("||")) {
            Token op = take();
            left = new Expression.Logical("||", left, and(), op.at());
        }
        return left;
    }

    private Expression and() throws SyntaxError {
        Expression left = comparison();
        while (peek().is("&&")) {
            Token op = take();
            left = new Expression.Logical("&&", left, comparison(), op.at());
        }
        return left;
    }

    private Expression comparison() throws SyntaxError {
        Expression left = unary();
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
            take();
            return new Expression.Compare(t.text(), left, unary(), t.at());
        }
        if (t.is("matches")) {
            take();
            return new Expression.Compare("matches", left, unary(), t.at());
        }
        boolean negated = t.is("not");
        if (negated) {
            take();
            if (peek().is("matches")) {
                take();
                return new Expression.Compare("not matches", left, unary(), t.at());
            }
            if (!peek().is("in")) throw new SyntaxError(peek().at(), "“not”之后应是 in 或 matches");
        }
        if (peek().is("in")) {
            take();
            expect("(", "in 之后应是括号中的取值，如 level in (\"县\", \"市\")");
            List<Expression> values = new ArrayList<>();
            do {
                values.add(expression());
            } while (accept(","));
            expect(")", "in 的取值应以右括号“)”结束");
            return new Expression.In(negated, left, values, t.at());
        }
        return left;
    }

    private Expression unary() throws SyntaxError {
        Token t = peek();
        if (t.is("!")) {
            take();
            return new Expression.Not(unary(), t.at());
        }
        if (t.is("-")) {
            take();
            Token n = take();
            if (n.kind() != Token.Kind.NUMBER) throw new SyntaxError(t.at(), "“-”只能用在数字前");
            return new Expression.Literal(new BigDecimal(n.text()).negate(), "-" + n.text(), t.at());
        }
        return postfix();
    }

    private Expression postfix() throws SyntaxError {
        Expression e = primary();
        while (peek().is(".")) {
            take();
            Token name = take();
            if (name.kind() != Token.Kind.IDENT) throw new SyntaxError(name.at(), "“.”之后应是名称");
            keyword(name);
            // a chain starts where its first part does: messages quote it from there
            e = peek().is("(") ? new Expression.MethodCall(e, name.text(), arguments(), e.at())
                    : new Expression.Select(e, name.text(), e.at());
        }
        return e;
    }

    private Expression primary() throws SyntaxError {
        Token t = take();
        switch (t.kind()) {
            case STRING -> { return new Expression.Literal(t.text(), "\"" + t.text() + "\"", t.at()); }
            case NUMBER -> { return new Expression.Literal(new BigDecimal(t.text()), t.text(), t.at()); }
            case VAR -> { return new Expression.Var(t.text(), t.at()); }
            case IDENT -> {
                switch (t.text()) {
                    case "true", "false" -> { return new Expression.Literal(Boolean.valueOf(t.text()), t.text(), t.at()); }
                    case "null" -> { return new Expression.Literal(null, "null", t.at()); }
                    default -> { }
                }
                keyword(t);
                return peek().is("(") ? new Expression.Call(t.text(), arguments(), t.at()) : new Expression.Name(t.text(), t.at());
            }
            case SYMBOL -> {
                if (t.is("(")) {
                    Expression e = expression();
                    expect(")", "缺少右括号“)”");
                    return e;
                }
                throw new SyntaxError(t.at(), "此处不应出现“" + t.text() + "”");
            }
            default -> throw new SyntaxError(t.at(), "写法不完整：缺少后续内容");
        }
    }

    private List<Expression> arguments() throws SyntaxError {
        expect("(", "缺少左括号“(”");
        List<Expression> args = new ArrayList<>();
        if (accept(")")) return args;
        do {
            args.add(expression());
        } while (accept(","));
        expect(")", "参数应以右括号“)”结束（或缺少逗号）");
        return args;
    }

    private static void keyword(Token t) throws SyntaxError {
        if (KEYWORDS.contains(t.text())) {
            throw new SyntaxError(t.at(), t.text().equals("new") ? "不允许创建对象（new …）" : "不允许使用关键字“" + t.text() + "”", true);
        }
    }

    private void end() throws SyntaxError {
        if (peek().kind() != Token.Kind.END) throw new SyntaxError(peek().at(), "多余的内容：“" + peek().text() + "”");
    }

    private Token peek() { return tokens.get(p); }

    private Token take() {
        Token t = tokens.get(p);
        if (t.kind() != Token.Kind.END) p++;
        return t;
    }

    private boolean accept(String symbol) {
        if (!peek().is(symbol)) return false;
        p++;
        return true;
    }

    private void expect(String symbol, String why) throws SyntaxError {
        if (!accept(symbol)) throw new SyntaxError(peek().at(), why + (peek().kind() == Token.Kind.END ? "" : "（此处是“" + peek().text() + "”）"));
    }
}
