package org.dudao.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule files that reach outside what an indicator needs. DRL can call any Java, so a rule
 * file is code: by default only the fact model, the pattern helpers and plain value types may be
 * used, and I/O, network, processes, reflection, class loading and {@code System} are refused with
 * the file and line of the offending use. {@code --trust-rules} lifts the check.
 *
 * <p>This is a guard against mistakes and casual misuse by someone who may edit rules but should not
 * run programs; it is not a sandbox against a determined attacker (see the trust model in the README).
 */
public final class RuleGuard {
    /** Packages and classes a rule file may import. */
    private static final List<String> ALLOWED_IMPORTS = List.of(
            "org.dudao.model.", "org.dudao.engine.Patterns", "org.dudao.engine.Expr",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.ArrayList",
            "java.util.HashSet", "java.util.HashMap", "java.math.", "java.time.LocalDate", "java.time.Year");

    /** Words that have no business in an indicator, with the reason shown to the analyst. */
    private static final List<String[]> FORBIDDEN = List.of(
            new String[]{"java\\.io", "文件读写（java.io）"},
            new String[]{"java\\.nio", "文件读写（java.nio）"},
            new String[]{"java\\.net", "网络访问（java.net）"},
            new String[]{"java\\.lang\\.reflect|\\bMethodHandles?\\b|\\bsetAccessible\\b|\\bgetDeclared\\w*|\\bgetMethod\\b|\\bgetField\\b", "反射"},
            new String[]{"\\bRuntime\\b|\\bProcessBuilder\\b|\\bProcess\\b|\\.exec\\s*\\(", "启动外部程序"},
            new String[]{"\\bSystem\\s*\\.", "System 调用（如 System.exit、环境变量、系统属性）"},
            new String[]{"\\bClassLoader\\b|\\bforName\\b|\\bgetClass\\b|\\bClass\\s*\\.|\\bnewInstance\\b|\\bdefineClass\\b", "类加载"},
            new String[]{"\\bThread\\b|\\bExecutors?\\b|\\bUnsafe\\b", "线程或底层操作"},
            new String[]{"\\bFiles\\b|\\bPaths\\b|\\bFile\\b|\\bSocket\\b|\\bURL\\b|\\bURI\\b|\\bScriptEngine\\w*", "文件、网络或脚本引擎"});

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(function\\s+|static\\s+)?([\\w.$*]+)\\s*;?");

    private RuleGuard() {}

    /** Checks every file; returns the problems found (empty when all are within bounds). */
    public static List<RuleMessage> check(List<Path> drlFiles, Path dir) throws IOException {
        List<RuleMessage> problems = new ArrayList<>();
        for (Path f : drlFiles) check(f, f.toString(), problems);
        return problems;
    }

    private static void check(Path file, String shown, List<RuleMessage> problems) throws IOException {
        String[] lines = stripCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher imp = IMPORT.matcher(line);
            if (imp.find()) {
                String target = imp.group(2);
                if (ALLOWED_IMPORTS.stream().noneMatch(target::startsWith)) {
                    problems.add(new RuleMessage(shown, i + 1, imp.start(2) + 1, "不允许导入 " + target
                            + "：规则只能使用事实模型（org.dudao.model）、指标函数（org.dudao.engine.Patterns）和基本值类型；"
                            + "如确需使用，请由规则管理员以 --trust-rules 运行"));
                }
                continue;
            }
            for (String[] f : FORBIDDEN) {
                Matcher m = Pattern.compile(f[0]).matcher(line);
                if (m.find()) {
                    problems.add(new RuleMessage(shown, i + 1, m.start() + 1, "规则中不允许" + f[1] + "：“" + m.group().strip()
                            + "”；如确需使用，请由规则管理员以 --trust-rules 运行"));
                }
            }
        }
    }

    /**
     * Blanks out comments and string literals, keeping line breaks and columns, so that a word in a
     * rule's name or a Chinese comment is not mistaken for code.
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
