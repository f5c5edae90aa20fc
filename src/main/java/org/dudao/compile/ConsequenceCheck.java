package org.dudao.compile;

import org.dudao.ast.Expression;
import org.dudao.ast.ExpressionParser;
import org.dudao.ast.Rule;
import org.dudao.ast.SyntaxError;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A rule's consequence against the language: nothing, or one {@code insert(<pattern function>(kcontext, $e, values…));}
 * whose values are literals, variables bound in the conditions, value functions of values and chain methods.
 */
final class ConsequenceCheck {
    private final RuleSandbox sandbox;
    private final Vocabulary v;
    private final Rule.Consequence then;
    private final Map<String, Class<?>> bound;

    ConsequenceCheck(RuleSandbox s, Rule.Consequence then, Map<String, Class<?>> bound) {
        this.sandbox = s;
        this.v = s.vocabulary();
        this.then = then;
        this.bound = bound;
    }

    void check() {
        ExpressionParser.Statements read;
        try {
            read = ExpressionParser.statementsAndErrors(then.text());
        } catch (SyntaxError x) {
            syntax(x);
            return;
        }
        read.errors().forEach(this::syntax);
        List<Expression> statements = read.statements();
        // the one insert(…) is checked; every other statement is refused, each where it is written
        Expression.Call insert = null;
        for (Expression e : statements) {
            if (insert == null && e instanceof Expression.Call c && c.name().equals("insert") && c.args().size() == 1) insert = c;
        }
        for (Expression e : statements) {
            if (e == insert) continue;
            boolean extra = insert != null || e != statements.get(0);
            sandbox.refuse(sandbox.at(then, e.at()), extra
                    ? "结论部分只能有一条语句 insert(…);，这里又有“" + text(then, e) + "”"
                    : "结论部分只能写 insert(类型函数(kcontext, $e, …));，不能写“" + text(then, e) + "”");
        }
        if (insert == null) return;
        Expression verdict = insert.args().get(0);
        if (!(verdict instanceof Expression.Call call) || !v.patternFunctions().contains(call.name())) {
            String name = verdict instanceof Expression.Call c ? c.name() : null;
            sandbox.refuse(sandbox.at(then, verdict.at()), "insert 中应是一个类型函数（" + String.join("、", v.patternFunctions()) + "）"
                    + (name == null ? "，不能写“" + text(then, verdict) + "”" : "，“" + name + "”不是" + sandbox.suggest(name, v.patternFunctions())));
            return;
        }
        List<Expression> args = call.args();
        if (args.size() < 2 || !(args.get(0) instanceof Expression.Name k && k.name().equals(Vocabulary.CONTEXT))
                || !(args.get(1) instanceof Expression.Var)) {
            sandbox.refuse(sandbox.at(then, call.at()), "类型函数的前两个参数应是 kcontext 和条件中绑定的单位，如 " + call.name() + "(kcontext, $e, …)");
            return;
        }
        variable((Expression.Var) args.get(1));
        for (Expression a : args.subList(2, args.size())) value(a);
    }

    /** Quotes the line the error is on: a consequence of several lines would otherwise quote its first. */
    private void syntax(SyntaxError x) {
        sandbox.refuse(sandbox.at(then, x.at()), "结论部分（then 之后）" + x.kind() + "：" + x.getMessage() + "（原文："
                + RuleSandbox.shorten(lineAt(then.text(), x.at())) + "）");
    }

    /** A value passed to a pattern function: literals, bound variables, value functions and chain methods, nothing else. */
    private void value(Expression e) {
        if (e instanceof Expression.Literal l) {
            if (!(l.value() instanceof String) && !(l.value() instanceof BigDecimal)) no(e, "“" + l.text() + "”不能作为取值");
        } else if (e instanceof Expression.Var var) {
            variable(var);
        } else if (e instanceof Expression.Call c) {
            if (!v.valueFunctions().contains(c.name())) {
                no(e, "调用了不存在的函数“" + c.name() + "”" + sandbox.suggest(c.name(), v.valueFunctions()) + "：取值只能用 "
                        + String.join("、", v.valueFunctions()) + " 等函数（原文：" + text(then, e) + "）");
                return;
            }
            c.args().forEach(this::value);
        } else if (e instanceof Expression.MethodCall m) {
            if (!v.chainMethods().contains(m.name()) || !(m.target() instanceof Expression.Call || m.target() instanceof Expression.MethodCall)) {
                no(e, "不能调用“" + text(then, e) + "”：取值函数之后只能接 ." + String.join("、.", v.chainMethods()) + "(…)");
                return;
            }
            value(m.target());
            m.args().forEach(this::value);
        } else {
            no(e, "“" + text(then, e) + "”不是可用的取值函数、常量或条件中绑定的变量");
        }
    }

    private void variable(Expression.Var var) {
        if (!bound.containsKey(var.name())) no(var, "变量 " + var.name() + " 没有在条件部分绑定（如 $e : Entity(…)）");
    }

    private void no(Expression e, String why) {
        sandbox.refuse(sandbox.at(then, e.at()), why);
    }

    /** The source text of an expression within a consequence, from its first token to the end of its statement or line. */
    private static String text(Rule.Consequence then, Expression e) {
        String t = then.text();
        int from = Math.min(e.at(), t.length());
        int end = from;
        int depth = 0;
        while (end < t.length()) {
            char ch = t.charAt(end);
            if (ch == '(') depth++;
            if (ch == ')' && --depth < 0) break;
            if ((ch == ';' || ch == ',') && depth == 0 || ch == '\n') break;
            end++;
        }
        return RuleSandbox.shorten(t.substring(from, end).strip());
    }

    /** The line of {@code text} that holds {@code offset}. */
    static String lineAt(String text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int start = text.lastIndexOf('\n', at - 1) + 1, end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
