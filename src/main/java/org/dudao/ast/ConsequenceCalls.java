package org.dudao.ast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A rule's consequence read as calls, with the rule expression parser the sandbox uses: the helpers
 * it calls, its string literals with their places, the categories it accepts for a text metric, and
 * the metric names it passes to the pattern helpers ({@code value("常住人口")}, {@code share(...)},
 * {@code countOf("班级", "班额", ...)}), each with the level of entity it is read from. A consequence
 * outside that language (only possible with trusted rules) has no calls: {@link #parsed()} is false.
 */
public final class ConsequenceCalls {
    /**
     * A metric a rule reads: its name, the level of the entity it is read from (null: the entity the
     * rule is about, i.e. the rule's {@code @level}), where the name is written, and whether the helper
     * reads it without naming it ({@code perPupil} reads 在校学生数).
     */
    public record MetricUse(String metric, String level, Location at, boolean implicit) {}

    /** A string literal of the consequence: its content and where the content starts (after the quote). */
    public record Literal(String value, Location at) {}

    private final String fileSource;
    private final Rule.Consequence then;
    private final List<Expression> statements;

    private ConsequenceCalls(String fileSource, Rule.Consequence then, List<Expression> statements) {
        this.fileSource = fileSource;
        this.then = then;
        this.statements = statements;
    }

    /** Reads the consequence of a rule of a file. */
    public static ConsequenceCalls of(RuleFile file, Rule rule) {
        List<Expression> statements;
        try {
            statements = ExpressionParser.statements(rule.consequence().text());
        } catch (SyntaxError e) {
            statements = null;
        }
        return new ConsequenceCalls(file.source(), rule.consequence(), statements);
    }

    /** False when the consequence is not in the rule expression language (trusted rules only). */
    public boolean parsed() { return statements != null; }

    /** The statements as parsed (empty when not parsed). */
    public List<Expression> statements() { return statements == null ? List.of() : statements; }

    /** The names of the functions and methods called (threshold, coverage, rollUp, …), outermost first, in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Expression e : statements()) walk(e, x -> {
            if (x instanceof Expression.Call c) out.add(c.name());
            else if (x instanceof Expression.MethodCall m) out.add(m.name());
        });
        return out;
    }

    /** The calls of a function by that name, in the order written ({@code countOf("班级", …)}). */
    public List<Expression.Call> calls(String name) {
        List<Expression.Call> out = new ArrayList<>();
        for (Expression e : statements()) walk(e, x -> {
            if (x instanceof Expression.Call c && c.name().equals(name)) out.add(c);
        });
        return out;
    }

    /** True when the consequence calls the function with that many arguments ({@code threshold(kc, e, x, limit)}). */
    public boolean has(String name, int argCount) {
        boolean[] found = {false};
        for (Expression e : statements()) walk(e, x -> {
            if (x instanceof Expression.Call c && c.name().equals(name) && c.args().size() == argCount) found[0] = true;
        });
        return found[0];
    }

    /** The string literals, in the order written. */
    public List<Literal> literals() {
        List<Literal> out = new ArrayList<>();
        for (Expression e : statements()) walk(e, x -> {
            if (string(x) != null) out.add(new Literal(string(x), locate(x.at() + 1)));
        });
        return out;
    }

    /** The categories a rule accepts for a text metric: {@code oneOf("清廉学校等级", "引领型", "规范型")}. */
    public Map<String, List<String>> categories() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Expression e : statements()) walk(e, x -> {
            if (x instanceof Expression.Call c && c.name().equals("oneOf") && !c.args().isEmpty() && string(c.args().get(0)) != null) {
                List<String> values = out.computeIfAbsent(string(c.args().get(0)), k -> new ArrayList<>());
                for (Expression a : c.args().subList(1, c.args().size())) {
                    String v = string(a);
                    if (v != null && !values.contains(v)) values.add(v);
                }
            }
        });
        return out;
    }

    /** The metrics the consequence reads, in the order written. */
    public List<MetricUse> metrics() {
        List<MetricUse> out = new ArrayList<>();
        for (Expression e : statements()) visit(e, null, out);
        return out;
    }

    private Location locate(int index) {
        return then.locate(fileSource, index);
    }

    private void visit(Expression e, String level, List<MetricUse> out) {
        if (e instanceof Expression.Call c) {
            call(c.name(), c.args(), c.at(), level, out);
        } else if (e instanceof Expression.MethodCall m) {
            visit(m.target(), level, out);
            call(m.name(), m.args(), m.at(), level, out);
        } else {
            children(e).forEach(x -> visit(x, level, out));
        }
    }

    /** What each pattern helper reads: which arguments are metric names, and at which level. */
    private void call(String name, List<Expression> a, int at, String level, List<MetricUse> out) {
        switch (name) {
            case "value", "growth", "oneOf" -> metrics(a, 0, 1, level, out);
            case "share", "ratio" -> metrics(a, 0, 2, level, out);
            case "sum" -> metrics(a, 0, a.size(), level, out);
            case "perHundred", "perPupil" -> {
                metrics(a, 0, 1, level, out);
                out.add(new MetricUse("在校学生数", level, locate(at), true));
            }
            case "countOf", "maxOf" -> {
                String l = a.isEmpty() ? null : string(a.get(0)) != null ? string(a.get(0)) : childLevel(a.get(0));
                metrics(a, 1, 2, l, out);
            }
            // forStage(x, "在园幼儿数", "幼儿园"): x is visited, the enrolment is a metric, the stage words are not
            case "forStage" -> metrics(a, 1, 2, level, out);
            case "dispersion" -> {
                metrics(a, 3, 4, "学校", out);
                out.add(new MetricUse("在校学生数", "学校", locate(at), true));
            }
            case "coverage", "shareOfChildren" -> {
                String child = level;
                for (Expression arg : a) if (childLevel(arg) != null) child = childLevel(arg);
                for (Expression arg : a) if (childLevel(arg) == null) visit(arg, child, out);
            }
            default -> a.forEach(x -> visit(x, level, out));
        }
    }

    private void metrics(List<Expression> args, int from, int to, String level, List<MetricUse> out) {
        for (int i = 0; i < args.size(); i++) {
            Expression arg = args.get(i);
            if (i >= from && i < to && string(arg) != null) out.add(new MetricUse(string(arg), level, locate(arg.at() + 1), false));
            else visit(arg, level, out);
        }
    }

    /** The level of the entities an argument such as {@code children($e, "学校")} or {@code schools($e)} stands for. */
    private static String childLevel(Expression arg) {
        String name = arg instanceof Expression.Call c ? c.name() : arg instanceof Expression.MethodCall m ? m.name() : null;
        List<Expression> args = arg instanceof Expression.Call c ? c.args() : arg instanceof Expression.MethodCall m ? m.args() : List.of();
        if (name == null) return null;
        return switch (name) {
            case "children" -> args.isEmpty() ? null : string(args.get(0));
            case "schools", "primaryAndSecondary", "higherEducation", "basicEducationSchools" -> "学校";
            case "compulsoryClasses", "seniorClasses" -> "班级";
            default -> null;
        };
    }

    private static String string(Expression e) {
        return e instanceof Expression.Literal l && l.value() instanceof String s ? s : null;
    }

    /** Every expression of a tree in the order written (a call before its arguments). */
    private static void walk(Expression e, Consumer<Expression> each) {
        if (e instanceof Expression.MethodCall m) {
            walk(m.target(), each); // written before the method's name
            each.accept(m);
            for (Expression x : m.args()) walk(x, each);
            return;
        }
        each.accept(e);
        for (Expression x : children(e)) walk(x, each);
    }

    private static List<Expression> children(Expression e) {
        if (e instanceof Expression.Call c) return c.args();
        if (e instanceof Expression.MethodCall m) return concat(List.of(m.target()), m.args());
        if (e instanceof Expression.Select s) return List.of(s.target());
        if (e instanceof Expression.Not n) return List.of(n.operand());
        if (e instanceof Expression.Logical l) return List.of(l.left(), l.right());
        if (e instanceof Expression.Compare c) return List.of(c.left(), c.right());
        if (e instanceof Expression.In i) return concat(List.of(i.left()), i.values());
        if (e instanceof Expression.Binding b) return List.of(b.value());
        return List.of(); // a literal, a name, a variable
    }

    private static List<Expression> concat(List<Expression> a, List<Expression> b) {
        List<Expression> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
