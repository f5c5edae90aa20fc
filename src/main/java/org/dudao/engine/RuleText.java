package org.dudao.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a rule file read the way an analyst wrote it: its rules with their line numbers, the
 * metadata written on each, and the metric names the consequences pass to the pattern helpers (the
 * string literals in {@code value("常住人口")}, {@code share(...)}, {@code countOf("班级", "班额", ...)}),
 * each with the level of entity it is read from. Used by {@code rules check} (unknown metric names)
 * and {@code template} (the columns a workbook needs). Comments and strings are told apart with
 * {@link RuleGuard#stripCommentsAndStrings}, so a word in a comment is never taken for a call.
 */
public final class RuleText {
    /** One rule of a file: its name, where it starts, its metadata as written and its consequence. */
    public record Block(Path file, String name, int line, Map<String, Meta> meta, String lhs, int lhsOffset,
                        String source, String stripped, int thenStart, int end) {
        /** The metadata value as written (quotes removed), or null. */
        public String meta(String key) {
            Meta m = meta.get(key);
            return m == null ? null : m.value();
        }

        /** The line a metadata item is written on, else the rule's own line. */
        public int metaLine(String key) {
            Meta m = meta.get(key);
            return m == null ? line : m.line();
        }

        /** The consequence ({@code then} … {@code end}) as written. */
        public String rhs() { return thenStart < 0 ? "" : source.substring(thenStart, end); }

        /** The consequence with comments and string contents blanked. */
        public String rhsCode() { return thenStart < 0 ? "" : stripped.substring(thenStart, end); }
    }

    /** A metadata item: {@code @bound(">= 50%")} on line 5, column 5. */
    public record Meta(String key, String value, int line, int column) {}

    /**
     * A metric a rule reads: its name, the level of the entity it is read from (null: the entity the
     * rule is about, i.e. the rule's {@code @level}), and where the name is written.
     */
    public record MetricUse(String metric, String level, Block rule, int line, int column, boolean implicit) {}

    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+");
    private static final Pattern META = Pattern.compile("@(\\w+)\\s*\\(");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");

    private RuleText() {}

    public static List<Block> read(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The rules of one file's text, in order. */
    public static List<Block> parse(Path file, String source) {
        String stripped = RuleGuard.stripCommentsAndStrings(source);
        List<Block> out = new ArrayList<>();
        Matcher r = RULE.matcher(stripped);
        int from = 0;
        while (r.find(from)) {
            int nameStart = r.end();
            String name;
            int headerEnd;
            char q = stripped.charAt(nameStart);
            if (q == '"' || q == '\'') {
                int close = stripped.indexOf(q, nameStart + 1);
                if (close < 0) break;
                name = source.substring(nameStart + 1, close);
                headerEnd = close + 1;
            } else {
                int e = nameStart;
                while (e < stripped.length() && !Character.isWhitespace(stripped.charAt(e))) e++;
                name = source.substring(nameStart, e);
                headerEnd = e;
            }
            Matcher endM = END.matcher(stripped);
            int end = endM.find(headerEnd) ? endM.start() : stripped.length();
            Matcher w = WHEN.matcher(stripped).region(headerEnd, end);
            int whenAt = w.find() ? w.start() : -1;
            Matcher t = THEN.matcher(stripped).region(whenAt < 0 ? headerEnd : whenAt, end);
            int thenAt = t.find() ? t.end() : -1;
            int metaEnd = whenAt >= 0 ? whenAt : thenAt >= 0 ? thenAt : end;
            Map<String, Meta> meta = new LinkedHashMap<>();
            Matcher m = META.matcher(stripped).region(headerEnd, metaEnd);
            while (m.find()) {
                int close = matching(stripped, m.end() - 1);
                if (close < 0) continue;
                String value = source.substring(m.end(), close).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                meta.putIfAbsent(m.group(1), new Meta(m.group(1), value, lineAt(source, m.start()), columnAt(source, m.start())));
            }
            int lhsStart = whenAt >= 0 ? whenAt + 4 : end;
            int lhsEnd = thenAt >= 0 ? thenAt - 4 : end;
            String lhs = lhsStart <= lhsEnd ? stripped.substring(lhsStart, lhsEnd) : "";
            out.add(new Block(file, name, lineAt(source, r.start()) , meta, lhs, lhsStart, source, stripped, thenAt, end));
            from = Math.max(end, headerEnd) + 1;
            if (from >= stripped.length()) break;
        }
        return out;
    }

    /** Line (from 1) of an offset. */
    public static int lineAt(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    /** Column (from 1) of an offset. */
    public static int columnAt(String s, int offset) {
        int nl = s.lastIndexOf('\n', offset - 1);
        return offset - nl;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    // ---- the consequence as calls ---------------------------------------------------------

    /** A piece of an expression: a call with its arguments, or a string literal. */
    private sealed interface Node permits Call, Str {}

    private record Call(String name, List<List<Node>> args, int at) implements Node {}

    private record Str(String value, int at) implements Node {}

    /** The metrics the consequence of a rule reads, in the order written. */
    public static List<MetricUse> metricUses(Block b) {
        List<MetricUse> out = new ArrayList<>();
        if (b.thenStart() < 0) return out;
        visit(b, nodes(b, b.thenStart(), b.end()), null, out);
        return out;
    }

    private static List<Node> nodes(Block b, int from, int to) {
        String s = b.stripped();
        List<Node> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, i + 1);
                if (close < 0 || close > to) close = to;
                out.add(new Str(b.source().substring(i + 1, close), i + 1));
                i = close + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int e = i;
                while (e < to && Character.isJavaIdentifierPart(s.charAt(e))) e++;
                int p = e;
                while (p < to && Character.isWhitespace(s.charAt(p))) p++;
                if (p < to && s.charAt(p) == '(') {
                    int close = matching(s, p);
                    if (close < 0 || close > to) close = to;
                    List<List<Node>> args = new ArrayList<>();
                    int argStart = p + 1;
                    int depth = 0;
                    for (int k = p + 1; k < close; k++) {
                        char ch = s.charAt(k);
                        if (ch == '(') depth++;
                        else if (ch == ')') depth--;
                        else if (ch == ',' && depth == 0) {
                            args.add(nodes(b, argStart, k));
                            argStart = k + 1;
                        }
                    }
                    if (argStart < close || !args.isEmpty()) args.add(nodes(b, argStart, close));
                    out.add(new Call(s.substring(i, e), args, i));
                    i = close + 1;
                } else {
                    i = e;
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static void visit(Block b, List<Node> nodes, String level, List<MetricUse> out) {
        for (Node n : nodes) if (n instanceof Call c) visitCall(b, c, level, out);
    }

    private static void visitCall(Block b, Call c, String level, List<MetricUse> out) {
        List<List<Node>> a = c.args();
        switch (c.name()) {
            case "value", "growth" -> metrics(b, a, 0, 1, level, out);
            case "share", "ratio" -> metrics(b, a, 0, 2, level, out);
            case "sum" -> metrics(b, a, 0, a.size(), level, out);
            case "perHundred", "perPupil" -> {
                metrics(b, a, 0, 1, level, out);
                out.add(implicit(b, "在校学生数", level, c.at()));
            }
            case "countOf", "maxOf" -> {
                String l = a.isEmpty() ? null : literal(a.get(0)) != null ? literal(a.get(0)) : childLevel(a.get(0));
                metrics(b, a, 1, 2, l, out);
            }
            case "oneOf" -> metrics(b, a, 0, 1, level, out);
            // forStage(x, "在园幼儿数", "幼儿园"): x is visited, the enrolment is a metric, the stage words are not
            case "forStage" -> metrics(b, a, 1, 2, level, out);
            case "dispersion" -> {
                metrics(b, a, 3, 4, "学校", out);
                out.add(implicit(b, "在校学生数", "学校", c.at()));
            }
            case "coverage", "shareOfChildren" -> {
                String child = level;
                for (List<Node> arg : a) {
                    String l = childLevel(arg);
                    if (l != null) child = l;
                }
                for (List<Node> arg : a) if (childLevel(arg) == null) visit(b, arg, child, out);
            }
            default -> {
                for (List<Node> arg : a) visit(b, arg, level, out);
            }
        }
    }

    private static String childLevel(List<Node> arg) {
        if (arg.size() != 1 || !(arg.get(0) instanceof Call c)) return null;
        return switch (c.name()) {
            case "children" -> c.args().isEmpty() ? null : literal(c.args().get(0));
            case "schools", "primaryAndSecondary", "higherEducation", "basicEducationSchools" -> "学校";
            case "compulsoryClasses", "seniorClasses" -> "班级";
            default -> null;
        };
    }

    private static String literal(List<Node> arg) {
        return arg.size() == 1 && arg.get(0) instanceof Str s ? s.value() : null;
    }

    private static void metrics(Block b, List<List<Node>> args, int from, int to, String level, List<MetricUse> out) {
        for (int i = 0; i < args.size(); i++) {
            List<Node> arg = args.get(i);
            if (i >= from && i < to && arg.size() == 1 && arg.get(0) instanceof Str s) {
                out.add(new MetricUse(s.value(), level, b, lineAt(b.source(), s.at()), columnAt(b.source(), s.at()), false));
            } else {
                visit(b, arg, level, out);
            }
        }
    }

    private static MetricUse implicit(Block b, String metric, String level, int at) {
        return new MetricUse(metric, level, b, lineAt(b.source(), at), columnAt(b.source(), at), true);
    }

    /** The names of the pattern helpers called in a consequence (threshold, coverage, rollUp, …). */
    public static List<String> calls(Block b) {
        List<String> names = new ArrayList<>();
        if (b.thenStart() < 0) return names;
        collectCalls(nodes(b, b.thenStart(), b.end()), names);
        return names;
    }

    private static void collectCalls(List<Node> nodes, List<String> names) {
        for (Node n : nodes) {
            if (n instanceof Call c) {
                names.add(c.name());
                for (List<Node> a : c.args()) collectCalls(a, names);
            }
        }
    }

    /** True when the consequence calls the function with that many arguments ({@code threshold(kc, e, x, limit)}). */
    public static boolean hasCall(Block b, String name, int argCount) {
        if (b.thenStart() < 0) return false;
        return hasCall(nodes(b, b.thenStart(), b.end()), name, argCount);
    }

    private static boolean hasCall(List<Node> nodes, String name, int argCount) {
        for (Node n : nodes) {
            if (n instanceof Call c) {
                if (c.name().equals(name) && c.args().size() == argCount) return true;
                for (List<Node> a : c.args()) if (hasCall(a, name, argCount)) return true;
            }
        }
        return false;
    }

    /** The categories a rule accepts for a text metric: {@code oneOf("清廉学校等级", "引领型", "规范型")}. */
    public static Map<String, List<String>> categories(Block b) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (b.thenStart() >= 0) categories(nodes(b, b.thenStart(), b.end()), out);
        return out;
    }

    private static void categories(List<Node> nodes, Map<String, List<String>> out) {
        for (Node n : nodes) {
            if (!(n instanceof Call c)) continue;
            if (c.name().equals("oneOf") && !c.args().isEmpty() && literal(c.args().get(0)) != null) {
                List<String> values = out.computeIfAbsent(literal(c.args().get(0)), k -> new ArrayList<>());
                for (List<Node> a : c.args().subList(1, c.args().size())) {
                    String v = literal(a);
                    if (v != null && !values.contains(v)) values.add(v);
                }
            }
            for (List<Node> a : c.args()) categories(a, out);
        }
    }

    /** The string literals of a consequence, with their offsets (for parameters written in a call). */
    public static List<Map.Entry<String, Integer>> literals(Block b) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        if (b.thenStart() < 0) return out;
        collectLiterals(nodes(b, b.thenStart(), b.end()), out);
        return out;
    }

    private static void collectLiterals(List<Node> nodes, List<Map.Entry<String, Integer>> out) {
        for (Node n : nodes) {
            if (n instanceof Str s) out.add(Map.entry(s.value(), s.at()));
            else if (n instanceof Call c) for (List<Node> a : c.args()) collectLiterals(a, out);
        }
    }
}
