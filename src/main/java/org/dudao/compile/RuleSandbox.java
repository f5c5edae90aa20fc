package org.dudao.compile;

import org.dudao.ast.Condition;
import org.dudao.ast.Expression;
import org.dudao.ast.ExpressionParser;
import org.dudao.ast.Lexer;
import org.dudao.ast.Location;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.ast.SyntaxError;
import org.dudao.ast.Token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allow-list a rule file must keep to without {@code --trust-rules} (rules/README.md, “规则可以写什么”):
 * <ul>
 *   <li>imports of the fact model ({@code org.dudao.model.*} or one of its classes), {@code java.util.List},
 *       and {@code import function} of the pattern helpers; nothing else at the top of a file (no
 *       {@code function}, {@code global}, {@code declare}, {@code query}, package-wide attributes);</li>
 *   <li>rule attributes {@code salience <integer>}, {@code no-loop}, {@code dialect "java"}; metadata
 *       {@code @key("text")} with a known key; no {@code extends}, no named consequences;</li>
 *   <li>conditions: patterns over the fact types with constraints that compare fields, literals and bound
 *       variables ({@code ==, !=, <, <=, >, >=, in, not in, matches, &&, ||, !}, a boolean field),
 *       {@code $x : field}; {@code not} and {@code exists} of such patterns;
 *       {@code $s : String() from <source function>(<literals>)};
 *       {@code $l : List() from collect(<pattern>)}; nothing else ({@code eval}, {@code accumulate},
 *       {@code from} of anything else, {@code or}, {@code forall}, entry points, windows);</li>
 *   <li>consequence: nothing, or one statement {@code insert(<pattern function>(kcontext, $e, <value>, …));}
 *       whose values are literals, bound variables, value functions of values, and chain methods
 *       ({@code .times("10000", "元")}).</li>
 * </ul>
 */
public final class RuleSandbox {
    private static final String SUFFIX = "（不加 --trust-rules 时，规则只能使用 rules/README.md“规则可以写什么”一节所列的写法）";
    private static final Set<String> COLLECTIONS = Set.of("List", "java.util.List");
    private static final Set<String> CLASS_IMPORTS = Set.of("java.util.List");
    private static final Set<String> STRINGS = Set.of("String", "java.lang.String");

    private final RuleFile file;
    private final Vocabulary v;
    private final List<Refusal> out = new ArrayList<>();

    private RuleSandbox(RuleFile file, Vocabulary v) {
        this.file = file;
        this.v = v;
    }

    Vocabulary vocabulary() { return v; }

    /** The place in the file of an offset within a rule's consequence. */
    Location at(Rule.Consequence then, int offset) {
        return then.locate(file.source(), offset);
    }

    /** What in a parsed file lies outside the allow-list (empty when nothing does). The file must have parsed. */
    public static List<Refusal> check(RuleFile file, Vocabulary vocabulary) {
        if (!file.parsed()) throw new IllegalArgumentException("the file did not parse: " + file.path());
        RuleSandbox s = new RuleSandbox(file, vocabulary);
        s.imports();
        for (RuleFile.Declaration d : file.declarations()) s.refuse(d.at(), declaration(d));
        for (Rule r : file.rules()) s.rule(r);
        List<Refusal> sorted = new ArrayList<>(s.out);
        sorted.sort(Comparator.comparingInt((Refusal r) -> r.at().line()).thenComparingInt(r -> r.at().column()));
        return List.copyOf(sorted);
    }

    void refuse(Location at, String message) {
        out.add(new Refusal(at, message + SUFFIX));
    }

    // ---- the file -------------------------------------------------------------------------------

    private void imports() {
        String functions = v.functionsClass();
        String model = v.modelPackage();
        for (RuleFile.Import i : file.imports()) {
            String t = i.target();
            if (i.function()) {
                String name = t.startsWith(functions + ".") ? t.substring(functions.length() + 1) : null;
                if (name != null && (name.equals("*") || functions().contains(name))) continue;
                refuse(i.at(), "不允许导入函数 " + t + "：只能导入指标函数（import function " + functions + ".*;）");
            } else {
                String name = t.startsWith(model + ".") ? t.substring(model.length() + 1) : null;
                if (name != null && (name.equals("*") || name.matches("[A-Z]\\w*")) || CLASS_IMPORTS.contains(t)) continue;
                refuse(i.at(), "不允许导入 " + t + "：只能导入事实模型（" + model + ".*）和 java.util.List");
            }
        }
    }

    private static String declaration(RuleFile.Declaration d) {
        return switch (d.kind()) {
            case "function" -> "不允许在规则文件中定义函数（function " + d.name() + "）：函数可以执行任意 Java 代码";
            case "global" -> "不允许全局变量（global " + d.name() + "）";
            case "declare", "enum" -> "不允许声明类型（declare " + d.name() + "）";
            case "query" -> "不允许查询（query " + d.name() + "）";
            case "attribute" -> "不允许在文件一级设置规则属性“" + d.name() + "”";
            default -> "不允许“" + d.kind() + "”声明（" + d.name() + "）";
        };
    }

    // ---- a rule ---------------------------------------------------------------------------------

    private void rule(Rule r) {
        String rule = "规则“" + r.name() + "”";
        if (r.parent() != null) refuse(r.at(), rule + "不允许继承其他规则（extends）");
        if (!r.namedConsequences().isEmpty()) refuse(r.at(), rule + "不允许命名结论（then[…]、do[…]）");
        for (Rule.Attribute a : r.attributes()) attribute(rule, a);
        for (Rule.Metadata m : r.metadata()) metadata(rule, m);
        Map<String, Class<?>> bound = new HashMap<>();
        for (Condition c : r.conditions()) condition(c, bound);
        new ConsequenceCheck(this, r.consequence(), bound).check();
    }

    private void attribute(String rule, Rule.Attribute a) {
        String value = a.value() == null ? "" : a.value().strip();
        boolean ok = switch (a.name()) {
            case "salience" -> value.matches("-?\\d{1,9}");
            case "no-loop" -> value.isEmpty() || value.equals("true") || value.equals("false");
            case "dialect" -> value.equals("java");
            default -> false;
        };
        if (ok) return;
        String why = switch (a.name()) {
            case "salience" -> "salience 只能是整数，如 salience -10，而不是“" + value + "”";
            case "dialect" -> "不允许 dialect \"" + value + "\"：规则只用默认的 java 方言";
            default -> "不允许规则属性“" + a.name() + "”（可用：salience 整数、no-loop）";
        };
        refuse(a.at(), rule + "：" + why);
    }

    private void metadata(String rule, Rule.Metadata m) {
        if (!v.metadataKeys().contains(m.key())) {
            refuse(m.at(), rule + "：未知的元数据 @" + m.key() + suggest(m.key(), v.metadataKeys()) + "（可用：@"
                    + String.join(" @", new TreeSet<>(v.metadataKeys())) + "）");
            return;
        }
        String value = m.values().size() == 1 ? m.values().get("value") : null;
        if (value == null || !isStringLiteral(value)) {
            refuse(m.at(), rule + "：元数据 @" + m.key() + " 只能是一个双引号中的文字，如 @" + m.key() + "(\"…\")，而不是“"
                    + shorten(String.valueOf(m.values().getOrDefault("value", m.values().toString()))) + "”");
        }
    }

    private static boolean isStringLiteral(String text) {
        try {
            List<Token> t = Lexer.tokens(text.strip(), false);
            return t.size() == 2 && t.get(0).kind() == Token.Kind.STRING;
        } catch (SyntaxError e) {
            return false;
        }
    }

    // ---- conditions -----------------------------------------------------------------------------

    private void condition(Condition c, Map<String, Class<?>> bound) {
        if (c instanceof Condition.Pattern p) {
            pattern(p, bound);
        } else if (c instanceof Condition.Group g) {
            if (!g.kind().equals("not") && !g.kind().equals("exists") && !g.kind().equals("and")) {
                refuse(g.at(), "不允许条件“" + g.kind() + "”：条件中可用 not、exists 和事实类型");
                return;
            }
            // what is bound inside not/exists is not visible outside it
            Map<String, Class<?>> inner = g.kind().equals("and") ? bound : new HashMap<>(bound);
            for (Condition m : g.members()) condition(m, inner);
        } else if (c instanceof Condition.Other o) {
            refuse(o.at(), "不允许条件“" + o.kind() + "”" + (o.kind().equals("eval") ? "（eval 可以执行任意代码）" : "")
                    + "：条件中只能写事实类型及其字段的比较");
        }
    }

    private void pattern(Condition.Pattern p, Map<String, Class<?>> bound) {
        if (!p.extras().isEmpty()) {
            refuse(p.at(), "不允许在条件“" + p.type() + "”上使用 " + String.join("、", p.extras()));
            return;
        }
        Class<?> type;
        Condition.Source source = p.source();
        if (source instanceof Condition.WorkingMemory) {
            type = v.factTypes().get(p.type());
            if (type == null) {
                refuse(p.at(), "“" + p.type() + "”不是可匹配的事实类型" + suggest(p.type(), v.factNames()) + "（可用："
                        + String.join("、", v.factNames()) + "）");
                return;
            }
            for (Condition.Constraint c : p.constraints()) constraint(c, type, bound);
        } else if (source instanceof Condition.From f) {
            type = String.class;
            if (!STRINGS.contains(p.type()) || !p.constraints().isEmpty()) {
                refuse(p.at(), "from 只能用于 $x : String() from " + first(v.sourceFunctions()) + "() 这样的写法（“" + p.type() + "”）");
                return;
            }
            from(f);
        } else if (source instanceof Condition.Collect c) {
            type = List.class;
            if (!COLLECTIONS.contains(p.type()) || !p.constraints().isEmpty()) {
                refuse(p.at(), "collect 只能写成 $list : List() from collect(事实类型(…))（“" + p.type() + "”）");
                return;
            }
            if (!(c.input().source() instanceof Condition.WorkingMemory)) {
                refuse(c.at(), "collect 中只能写事实类型，如 collect(Verdict(indicator == \"X\"))");
                return;
            }
            pattern(c.input(), new HashMap<>(bound));
        } else {
            Condition.OtherSource o = (Condition.OtherSource) source;
            refuse(o.at(), "不允许 from " + o.kind() + (o.kind().equals("accumulate") ? "（accumulate 可以执行任意代码）" : "")
                    + "：from 之后只能是 collect(…) 或 " + first(v.sourceFunctions()) + "() 这样的函数");
            return;
        }
        if (p.binding() != null) bound.put(p.binding(), type);
    }

    private void from(Condition.From f) {
        Expression e;
        try {
            e = ExpressionParser.expression(f.expression());
        } catch (SyntaxError x) {
            refuse(f.at(), "from 之后" + x.kind() + "：" + x.getMessage() + "（原文：" + shorten(f.expression()) + "）");
            return;
        }
        boolean ok = e instanceof Expression.Call call && v.sourceFunctions().contains(call.name())
                && call.args().stream().allMatch(a -> a instanceof Expression.Literal);
        if (!ok) {
            refuse(f.at(), "from 之后只能是取值函数（" + String.join("、", v.sourceFunctions()) + "），参数只能是常量（原文：" + shorten(f.expression()) + "）");
        }
    }

    private void constraint(Condition.Constraint c, Class<?> type, Map<String, Class<?>> bound) {
        if (c.positional()) {
            refuse(c.at(), "条件须写明字段，如 level == \"县\"（原文：" + shorten(c.text()) + "）");
            return;
        }
        Expression e;
        try {
            e = ExpressionParser.constraint(c.text());
        } catch (SyntaxError x) {
            refuse(within(c.at(), c.text(), x.at()), "条件中" + x.kind() + "：" + x.getMessage() + "（原文：" + shorten(c.text()) + "）");
            return;
        }
        new ConstraintCheck(this, c, type, bound).check(e);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Set<String> functions() {
        Set<String> all = new TreeSet<>(v.patternFunctions());
        all.addAll(v.valueFunctions());
        all.addAll(v.sourceFunctions());
        return all;
    }

    String suggest(String name, Collection<String> known) {
        List<String> near = v.nearest().of(name, known);
        return near.isEmpty() ? "" : "（是否应为：" + String.join("、", near) + "？）";
    }

    static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }

    private static String first(Set<String> names) {
        return names.isEmpty() ? "stages" : names.iterator().next();
    }

    /** The place of an offset inside a text that starts at {@code start}. */
    static Location within(Location start, String text, int offset) {
        if (!start.known()) return start;
        Location rel = Location.of(text, offset);
        return rel.line() == 1 ? new Location(start.line(), start.column() + rel.column() - 1)
                : new Location(start.line() + rel.line() - 1, rel.column());
    }
}
