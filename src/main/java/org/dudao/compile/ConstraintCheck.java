package org.dudao.compile;

import org.dudao.ast.Condition;
import org.dudao.ast.Expression;

import java.util.Map;

/** One constraint's tree against the fields of its fact type and the variables bound before it. */
final class ConstraintCheck {
    private final RuleSandbox s;
    private final Vocabulary v;
    private final Condition.Constraint c;
    private final Class<?> type;
    private final Map<String, Class<?>> bound;

    ConstraintCheck(RuleSandbox s, Condition.Constraint c, Class<?> type, Map<String, Class<?>> bound) {
        this.s = s;
        this.v = s.vocabulary();
        this.c = c;
        this.type = type;
        this.bound = bound;
    }

    void check(Expression e) {
        if (e instanceof Expression.Binding b) {
            if (b.value() instanceof Expression.Name n && field(n)) bound.put(b.var(), v.fields().get(type).get(n.name()));
            else if (!(b.value() instanceof Expression.Name)) no(b.value(), "绑定只能写成 $x : 字段名");
        } else if (e instanceof Expression.Logical l) {
            check(l.left());
            check(l.right());
        } else if (e instanceof Expression.Not n) {
            if (n.operand() instanceof Expression.Name name) bool(name);
            else no(n, "“!”只能用在是/否字段前，如 !compulsory");
        } else if (e instanceof Expression.Name n) {
            bool(n);
        } else if (e instanceof Expression.Compare x) {
            operand(x.left());
            operand(x.right());
            if (x.op().endsWith("matches") && !(x.right() instanceof Expression.Literal l && l.value() instanceof String)) {
                no(x.right(), "matches 之后应是双引号中的正则表达式");
            }
        } else if (e instanceof Expression.In in) {
            operand(in.left());
            for (Expression value : in.values()) {
                if (!(value instanceof Expression.Literal)) no(value, "in 的取值只能是常量");
            }
        } else {
            no(e, "条件中只能比较字段、常量和已绑定的变量");
        }
    }

    private void operand(Expression e) {
        if (e instanceof Expression.Literal) return;
        if (e instanceof Expression.Name n) {
            field(n);
        } else if (e instanceof Expression.Var var) {
            variable(var);
        } else if (e instanceof Expression.Select sel && sel.target() instanceof Expression.Var var) {
            Class<?> t = variable(var);
            if (t == null) return;
            Map<String, Class<?>> fields = v.fields().get(t);
            if (fields == null || !fields.containsKey(sel.name())) {
                no(sel, var.name() + " 没有字段“" + sel.name() + "”" + (fields == null ? "" : s.suggest(sel.name(), fields.keySet())));
            }
        } else {
            no(e, "条件中只能比较字段、常量和已绑定的变量（如 $e.code）");
        }
    }

    private Class<?> variable(Expression.Var var) {
        Class<?> t = bound.get(var.name());
        if (t == null) no(var, "变量 " + var.name() + " 没有在前面的条件中绑定");
        return t;
    }

    private boolean field(Expression.Name n) {
        Map<String, Class<?>> fields = v.fields().get(type);
        if (fields.containsKey(n.name())) return true;
        no(n, type.getSimpleName() + " 没有字段“" + n.name() + "”" + s.suggest(n.name(), fields.keySet()) + "（可用："
                + String.join("、", fields.keySet()) + "）");
        return false;
    }

    private void bool(Expression.Name n) {
        if (!field(n)) return;
        Class<?> t = v.fields().get(type).get(n.name());
        if (t != boolean.class && t != Boolean.class) no(n, "字段“" + n.name() + "”不是是/否字段，须写出比较，如 " + n.name() + " == \"…\"");
    }

    private void no(Expression e, String why) {
        s.refuse(RuleSandbox.within(c.at(), c.text(), e.at()), "条件“" + RuleSandbox.shorten(c.text()) + "”中，" + why + "（原文：" + RuleSandbox.shorten(c.text()) + "）");
    }
}
