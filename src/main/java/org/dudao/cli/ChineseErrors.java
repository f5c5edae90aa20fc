package org.dudao.cli;

import org.dudao.util.FileNameCharset;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * picocli's parse errors said in Chinese (picocli builds them in English in code, not from its
 * resource bundle): what was wrong, the one usage line that matters (the option's own line, or the
 * command's short synopsis) and where the full help is; exit code 3 like every usage error.
 */
final class ChineseErrors implements CommandLine.IParameterExceptionHandler {
    @Override public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        CommandSpec spec = cmd.getCommandSpec();
        err.println(spec.qualifiedName() + "：" + message(ex));
        OptionSpec option = option(ex);
        err.println(option != null ? "  " + optionLine(option) : "用法：" + synopsis(spec));
        err.println("完整说明：" + spec.qualifiedName() + " --help");
        err.flush();
        return spec.exitCodeOnInvalidInput();
    }

    /** The option the error is about, if it is about one. */
    private static OptionSpec option(ParameterException ex) {
        if (ex.getArgSpec() instanceof OptionSpec o) return o;
        if (ex instanceof CommandLine.MissingParameterException m && m.getMissing().size() == 1 && m.getMissing().get(0) instanceof OptionSpec o) {
            return o;
        }
        if (ex instanceof CommandLine.OverwrittenOptionException w && w.getOverwritten() instanceof OptionSpec o) return o;
        return null;
    }

    static String message(ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException m) {
            // picocli's wording tells an option given without its value from one not given at all
            if (ex.getMessage().startsWith("Missing required parameter for option") && m.getMissing().size() == 1
                    && m.getMissing().get(0) instanceof OptionSpec o) {
                return "选项 " + o.longestName() + " 缺少值（" + o.paramLabel() + "）";
            }
            List<String> missing = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                missing.add(a instanceof OptionSpec o ? "选项 " + o.longestName() + "=" + o.paramLabel() : "参数 " + a.paramLabel());
            }
            return "缺少必需的" + String.join("、", missing);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            String suggestion = u.getSuggestions().isEmpty() ? "" : "（是否是 " + u.getSuggestions().get(0) + "？）";
            if (u.isUnknownOption()) return "不认识的选项 " + first + suggestion;
            CommandSpec spec = ex.getCommandLine().getCommandSpec();
            if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                return "不认识的命令 " + first + suggestion + "；可用的命令：" + String.join("、", visibleSubcommands(spec));
            }
            return "多余的参数：" + String.join(" ", unmatched);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " 只能给一次";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) return invalidValue(ex);
        return "参数有误：" + ex.getMessage();
    }

    /** A value picocli could not convert: what it should have been, or (a path under LANG=C) how to run. */
    private static String invalidValue(ParameterException ex) {
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type == Path.class && !FileNameCharset.fits(value)) return FileNameCharset.hint(value);
        String what = name(arg) + " 的值“" + value + "”无效";
        if (ex.getCause() instanceof CommandLine.TypeConversionException t && isOurs(arg)) return what + "：" + t.getMessage();
        String expected;
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) expected = "整数";
        else if (type == BigDecimal.class || type == Double.class || type == double.class) expected = "数字";
        else if (type == LocalDate.class) expected = "日期，格式如 2025-06-30";
        else if (type == Path.class) expected = "文件或文件夹的路径";
        else if (type.isEnum()) expected = "其中之一：" + String.join("、", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        else expected = null;
        return expected == null ? what : what + "：应为" + expected;
    }

    private static boolean isOurs(ArgSpec arg) {
        return Arrays.stream(arg.converters()).anyMatch(c -> c.getClass().getPackageName().equals(ChineseErrors.class.getPackageName()));
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? "选项 " + o.longestName() : "参数 " + arg.paramLabel();
    }

    /** The option's own line of the help: {@code --year=YEAR  评估年度（…）}. */
    static String optionLine(OptionSpec o) {
        String names = String.join(", ", o.names());
        boolean takesValue = o.arity().max() > 0 && !o.typeInfo().isBoolean();
        String description = o.description().length > 0 ? o.description()[0] : "";
        return names + (takesValue ? "=" + o.paramLabel() : "") + (description.isEmpty() ? "" : "  " + description);
    }

    /** {@code dudao evaluate [选项] INPUT...}, or for a command of commands, its commands. */
    static String synopsis(CommandSpec spec) {
        StringBuilder b = new StringBuilder(spec.qualifiedName());
        if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return b.append(" 命令 [选项] …（命令：").append(String.join("、", visibleSubcommands(spec))).append("）").toString();
        }
        b.append(" [选项]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            b.append(' ').append(optional ? "[" + label + "]" : label);
        }
        return b.toString();
    }

    private static List<String> visibleSubcommands(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) names.add(name);
        });
        return names;
    }
}
