package org.dudao.cli;

import java.io.Console;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The charsets the console output is written in. {@code --encoding} wins. A stream that goes to a
 * terminal is written in the terminal's charset, the first known of: the charset of the locale
 * bin/dudao was started in ({@code dudao.console.encoding}; the launcher then runs the JVM itself
 * under a UTF-8 locale), {@code stdout.encoding} (Java 19+), {@code sun.stdout.encoding} (set by Java
 * 17 on Windows: GBK on a Chinese console), the console's. A charset that cannot show Chinese (ASCII
 * under {@code LANG=C}) says nothing about the terminal, most likely UTF-8 then. A stream redirected
 * to a file or a pipe is UTF-8.
 */
public record ConsoleEncoding(Charset stdout, Charset stderr) {
    public static final String OPTION = "--encoding";
    /** Set by bin/dudao: the charset of the locale it was started in, before it switched the JVM to UTF-8. */
    static final String LAUNCHER_PROPERTY = "dudao.console.encoding";

    /** For tests and pipes: UTF-8 both ways. */
    public static final ConsoleEncoding UTF_8 = new ConsoleEncoding(StandardCharsets.UTF_8, StandardCharsets.UTF_8);

    /** The encodings for this process, given its command line (for {@code --encoding}); IllegalArgumentException for an unknown charset. */
    public static ConsoleEncoding detect(String... args) {
        String explicit = explicit(args);
        if (explicit != null) {
            Charset c = named(explicit);
            if (c == null) {
                throw new IllegalArgumentException("不认识的字符编码“" + explicit + "”（" + OPTION + "，可用如 UTF-8、GBK、GB18030）");
            }
            return new ConsoleEncoding(c, c);
        }
        Console console = System.console();
        String consoleCharset = console == null ? null : console.charset().name();
        boolean onTerminal = isTerminal(console);
        return new ConsoleEncoding(of("stdout", onTerminal, consoleCharset), of("stderr", onTerminal, consoleCharset));
    }

    /** {@code stream} is stdout or stderr; Java 17 on Windows sets sun.<stream>.encoding only when it is a console. */
    private static Charset of(String stream, boolean onTerminal, String consoleCharset) {
        String windowsConsole = System.getProperty("sun." + stream + ".encoding");
        return choose(onTerminal || windowsConsole != null, System.getProperty(LAUNCHER_PROPERTY),
                System.getProperty(stream + ".encoding"), windowsConsole, consoleCharset);
    }

    /** The value of {@code --encoding X} or {@code --encoding=X} on the command line, or null. */
    static String explicit(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) break;
            if (args[i].equals(OPTION) && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith(OPTION + "=")) return args[i].substring(OPTION.length() + 1);
        }
        return null;
    }

    /** On a terminal the first known candidate, unless it cannot show Chinese; UTF-8 otherwise. */
    static Charset choose(boolean terminal, String... candidates) {
        if (!terminal) return StandardCharsets.UTF_8;
        return Arrays.stream(candidates).filter(Objects::nonNull).map(ConsoleEncoding::named).filter(Objects::nonNull).findFirst()
                .filter(c -> c.newEncoder().canEncode("督导报告"))
                .orElse(StandardCharsets.UTF_8);
    }

    private static Charset named(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Before Java 22 a Console exists only on a terminal; from 22 on it may not be one, and says so. */
    private static boolean isTerminal(Console console) {
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
