package org.dudao.engine;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says the commonest Drools compiler messages in Chinese for an analyst, keeping the original text
 * after it ({@code （原文：…）}), and moves a message Drools pins to a rule's first line to the line
 * where the unknown name is written.
 */
public final class DroolsMessages {
    /** The functions a consequence may call, for suggestions: the public static functions of {@link Patterns}, and insert. */
    static final List<String> FUNCTIONS = functions();
    /** Fields of the facts a condition may test. */
    static final List<String> ENTITY_FIELDS = List.of("code", "name", "level", "kind", "parentCode", "stage", "origin", "compulsory");
    static final List<String> VERDICT_FIELDS = List.of("indicator", "name", "level", "kind", "entityCode", "entityName", "parentCode",
            "year", "status", "observed", "bound", "part", "limit", "message");

    private static final Pattern UNDEFINED_METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined");
    private static final Pattern UNRESOLVED_FIELD = Pattern.compile(
            "Unable to Analyse Expression (.*?):.*unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'(?: expecting (\\S+))?");
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '([^']*)'");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '([^']*)'");
    private static final Pattern MISSING = Pattern.compile("missing (\\S+) at '([^']*)'");
    private static final Pattern INSERT = Pattern.compile("Syntax error, insert \"([^\"]+)\" to complete (\\w+)");
    private static final Pattern NOT_VARIABLE = Pattern.compile("(\\S+) cannot be resolved(?: to a variable)?");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");

    private DroolsMessages() {}

    private static List<String> functions() {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : Patterns.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Patterns.class) names.add(m.getName());
        }
        names.add("insert");
        return List.copyOf(names);
    }

    /** The message explained in Chinese, the original kept; the position refined where the text shows it. */
    public static RuleMessage explain(RuleMessage m) {
        String t = m.message();
        Matcher x;
        if ((x = UNDEFINED_METHOD.matcher(t)).find()) {
            String name = x.group(1);
            int[] at = find(m, Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\("));
            return at(m, at, "调用了不存在的函数“" + name + "”" + suggest(name, FUNCTIONS) + "，或参数的个数、类型不对（" + name + "("
                    + x.group(2) + ")）");
        }
        if ((x = UNRESOLVED_FIELD.matcher(t)).find()) {
            String type = x.group(2).substring(x.group(2).lastIndexOf('.') + 1);
            String field = x.group(3);
            List<String> fields = type.equals("Entity") ? ENTITY_FIELDS : type.equals("Verdict") ? VERDICT_FIELDS : List.of();
            return with(m, "条件“" + x.group(1).strip() + "”中，" + type + " 没有字段“" + field + "”" + suggest(field, fields)
                    + (fields.isEmpty() ? "" : "（可用：" + String.join("、", fields) + "）"));
        }
        if ((x = MISMATCHED.matcher(t)).find()) {
            return with(m, "语法错误：在“" + x.group(1) + "”处不符合语法" + (x.group(1).equals("then") || x.group(1).equals("end")
                    ? "（常见原因：上一行缺少右括号“)”或引号）" : "（常见原因：括号、引号不成对，或缺少逗号）"));
        }
        if ((x = NO_VIABLE.matcher(t)).find()) return with(m, "语法错误：无法理解“" + x.group(1) + "”附近的写法");
        if ((x = EXTRANEOUS.matcher(t)).find()) return with(m, "语法错误：多余的“" + x.group(1) + "”");
        if ((x = MISSING.matcher(t)).find()) return with(m, "语法错误：在“" + x.group(2) + "”之前缺少 " + x.group(1));
        if ((x = INSERT.matcher(t)).find()) {
            List<String> need = new ArrayList<>();
            Matcher all = INSERT.matcher(t);
            while (all.find()) if (!need.contains("“" + all.group(1) + "”")) need.add("“" + all.group(1) + "”");
            return with(m, "语法错误：结论部分（then 之后）缺少 " + String.join("、", need) + "（括号不成对，或语句末尾缺分号）");
        }
        if ((x = OBJECT_TYPE.matcher(t)).find()) {
            return with(m, "无法识别事实类型“" + x.group(1) + "”（拼写错误，或缺少 import，如 import org.dudao.model.Entity;）");
        }
        if ((x = NOT_VARIABLE.matcher(t)).find() && t.contains("Rule Compilation error")) {
            String name = x.group(1);
            int[] at = find(m, Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "\\b"));
            return at(m, at, "“" + name + "”未定义（变量名拼写错误，或未在条件部分绑定，如 $e : Entity(...)）");
        }
        if (t.contains("Duplicate rule name")) return with(m, "规则名重复：同一个包中两条规则不能同名");
        return m;
    }

    private static RuleMessage with(RuleMessage m, String chinese) {
        return new RuleMessage(m.file(), m.line(), m.column(), chinese + "（原文：" + m.message() + "）");
    }

    private static RuleMessage at(RuleMessage m, int[] at, String chinese) {
        RuleMessage moved = at == null ? m : new RuleMessage(m.file(), at[0], at[1], m.message());
        return with(moved, chinese);
    }

    /** The first place after the message's line where the pattern occurs in code (not a comment or string). */
    private static int[] find(RuleMessage m, Pattern p) {
        try {
            Path f = Path.of(m.file());
            if (!Files.isRegularFile(f)) return null;
            String src = Files.readString(f, StandardCharsets.UTF_8);
            String code = RuleGuard.stripCommentsAndStrings(src);
            String[] lines = code.split("\n", -1);
            int offset = 0;
            for (int i = 0; i < lines.length; i++) {
                if (i + 1 >= m.line()) {
                    Matcher x = p.matcher(lines[i]);
                    if (x.find()) return new int[]{i + 1, x.start() + 1};
                }
                offset += lines[i].length() + 1;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** {@code （最接近的是：value）}, or nothing when no known name is close. */
    static String suggest(String name, List<String> known) {
        List<String> near = nearest(name, known, 3);
        return near.isEmpty() ? "" : "（是否应为：" + String.join("、", near) + "？）";
    }

    /** Up to {@code n} known names within a small edit distance of the name, nearest first. */
    public static List<String> nearest(String name, Iterable<String> known, int n) {
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        int limit = Math.max(2, name.length() / 2);
        List<String[]> scored = new ArrayList<>();
        for (String k : known) {
            if (k.equals(name)) continue;
            int d = lev.apply(name, k);
            boolean contains = name.length() >= 2 && (k.contains(name) || name.contains(k));
            if (d <= limit || contains) scored.add(new String[]{k, String.valueOf(contains ? Math.min(d, limit) : d)});
        }
        scored.sort(Comparator.comparingInt((String[] s) -> Integer.parseInt(s[1])).thenComparing(s -> s[0]));
        List<String> out = new ArrayList<>();
        for (String[] s : scored) {
            if (out.size() >= n) break;
            out.add(s[0]);
        }
        return out;
    }
}
