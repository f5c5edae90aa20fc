package org.dudao.engine;

import org.dudao.ast.RuleFile;
import org.dudao.compile.Refusal;
import org.dudao.compile.RuleSandbox;
import org.dudao.compile.Vocabulary;
import org.dudao.model.Entity;
import org.dudao.model.Metric;
import org.dudao.model.Param;
import org.dudao.model.Verdict;
import org.kie.api.runtime.rule.RuleContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule sandbox as the engine uses it: every rule file is parsed with Drools' own parser and its
 * parsed form checked against the allow-list of {@link RuleSandbox} (rules/README.md, “规则可以写什么”)
 * before anything is compiled; {@code --trust-rules} skips the check. The vocabulary the allow-list
 * names (pattern and value functions, fact types and fields, metadata keys) is read from
 * {@link Patterns}, {@link Expr}, the model and {@link RuleLint}'s list of known metadata keys, so a
 * function or key added there is allowed here without a second list.
 */
public final class RuleGuard {
    /** The fact types a condition may match. */
    static final List<Class<?>> FACTS = List.of(Entity.class, Verdict.class, Metric.class, Param.class);

    private static volatile Vocabulary vocabulary;

    private RuleGuard() {}

    static Vocabulary vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            v = Vocabulary.of(RuleLint.KNOWN_META, Patterns.class, Expr.class, RuleContext.class, FACTS,
                    (name, known) -> DroolsMessages.nearest(name, known, 3));
            vocabulary = v;
        }
        return v;
    }

    /**
     * Checks the folder's rule files as parsed from the bytes that will be compiled and returns what
     * must stop the compile: a file that does not parse (the parser's message, explained as the
     * compiler's would be), and every part of a file outside the allow-list. Empty when all the files
     * may be compiled.
     */
    public static List<RuleMessage> check(RuleFolder folder) {
        List<RuleMessage> problems = new ArrayList<>();
        for (Map.Entry<Path, RuleFile> f : folder.parsed().entrySet()) {
            String shown = f.getKey().toString();
            RuleFile parsed = f.getValue();
            for (RuleFile.ParseError e : parsed.errors()) {
                problems.add(DroolsMessages.explain(new RuleMessage(shown, e.at().line(), e.at().column(), e.message().replaceAll("\\s+", " "))));
            }
            if (!parsed.parsed()) continue;
            for (Refusal r : RuleSandbox.check(parsed, vocabulary())) {
                problems.add(new RuleMessage(shown, r.at().line(), r.at().column(), r.message()));
            }
        }
        return problems;
    }

    /**
     * Blanks out comments and string literals, keeping line breaks and columns, so that a word in a
     * rule's name or a Chinese comment is not mistaken for code when {@link DroolsMessages} looks for a
     * name to point at and {@link RuleLint} for a verdict built by hand in a trusted consequence. Not a
     * check: the sandbox reads parsed rules.
     */
    static String stripCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') { b.append(' '); i++; }
            } else if (c == '#' && (i == 0 || s.charAt(i - 1) == '\n')) {
                while (i < s.length() && s.charAt(i) != '\n') { b.append(' '); i++; }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                while (i < s.length() && !(s.charAt(i) == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                    b.append(s.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < s.length()) { b.append("  "); i += 2; }
            } else if (c == '"' || c == '\'') {
                b.append(c);
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) { b.append(' '); i++; }
                    b.append(' ');
                    i++;
                }
                if (i < s.length() && s.charAt(i) == c) { b.append(c); i++; }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
