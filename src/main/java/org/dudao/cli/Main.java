package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.serve.ServeCommand;
import org.dudao.util.Phases;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dudao}: checks education statistics against the indicators of the plans. */
@Command(name = "dudao", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "org.dudao.cli.Messages",
        description = "督导：按教育规划的指标核查统计数据，生成督导报告。")
public final class Main implements Callable<Integer> {
    /** The commands, in the order the help lists them (added in {@link #commandLine}). */
    private static final List<Class<?>> COMMANDS = List.of(EvaluateCommand.class, BatchCommand.class, HistoryCommand.class,
            RulesCommand.class, GenerateCommand.class, ExplainCommand.class, TemplateCommand.class, ServeCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Read before parsing (ConsoleEncoding.detect): declared so that every command accepts it and lists it.
    @CommandLine.Option(names = ConsoleEncoding.OPTION, paramLabel = "CHARSET", scope = CommandLine.ScopeType.INHERIT,
            description = "控制台输出的字符编码，如 GBK、UTF-8（默认：跟随控制台；输出到文件或管道时为 UTF-8）")
    String encoding;

    // Read before parsing too (debug(args)): parsing itself may fail.
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "出错时另外打印 Java 调用栈（供开发人员排查）")
    boolean debug;

    /** No command: a short help, and the usage-error code. */
    @Override public Integer call() {
        ShortHelp.print(spec.commandLine().getErr());
        return ExitCodes.CANNOT_RUN;
    }

    public static void main(String[] args) {
        Phases.mark("main");
        PrintStream err = stderr();
        // an Error in a thread of ours (a worker out of memory) ends the process instead of leaving it idle
        Fatal.install(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), debug(args));
        System.exit(onConsole(stdout(), err, args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return onConsole(stdout(), stderr(), args);
    }

    /** Runs with the output written as UTF-8 (tests capture it so). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, ConsoleEncoding.UTF_8, args);
    }

    /** Runs writing to the process's console, in the charset the console (or {@code --encoding}) asks for. */
    private static int onConsole(PrintStream out, PrintStream err, String[] args) {
        ConsoleEncoding encoding;
        try {
            encoding = ConsoleEncoding.detect(args);
        } catch (IllegalArgumentException e) {
            err.println("dudao：" + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        return run(out, err, encoding, args);
    }

    // Java 17 would write Chinese in the platform charset (often ASCII in a container): the streams are
    // bytes, and the writers over them encode as ConsoleEncoding says.
    private static PrintStream stdout() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }

    private static PrintStream stderr() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    static int run(PrintStream out, PrintStream err, ConsoleEncoding console, String... args) {
        boolean debug = debug(args);
        Fatal.byWorkbook(Arrays.asList(args).contains("--by-workbook"));
        CommandLine cmd = commandLine(out, err, console, debug, invoked(args));
        Phases.mark("command line built");
        try {
            return cmd.execute(args);
        } catch (Throwable t) { // picocli lets an Error through: out of memory while compiling, or with --threads 1
            return Fatal.report(t, cmd.getErr(), debug);
        }
    }

    /** {@code --debug} anywhere on the line: known before picocli has parsed it (which may itself fail). */
    private static boolean debug(String... args) {
        return Arrays.asList(args).contains("--debug");
    }

    /**
     * The command the line runs, when it is plain: only the options every command has ({@code --debug},
     * {@code --encoding}) before a command's exact name. Null otherwise (no command, a misspelt one,
     * {@code help}, another option first): then every command is built, for the help and the messages
     * that list them.
     */
    static Class<?> invoked(String... args) {
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            if (args[i].equals("--debug") || args[i].startsWith(ConsoleEncoding.OPTION + "=")) i++;
            else if (args[i].equals(ConsoleEncoding.OPTION)) i += 2;
            else return null;
        }
        if (i >= args.length) return null;
        for (Class<?> c : COMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[i])) return c;
        }
        return null;
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, ConsoleEncoding console, boolean debug) {
        return commandLine(out, err, console, debug, null);
    }

    /**
     * The command line with every command, or with {@code only} (picocli builds each command's model
     * from its annotations, all of them before it parses: building one is most of a second less for
     * {@code rules list}).
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, ConsoleEncoding console, boolean debug, Class<?> only) {
        CommandLine cmd = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) if (only == null || c == only) cmd.addSubcommand(c);
        // PrintWriter(OutputStream) would encode in the platform charset (ASCII under cron's POSIX locale).
        cmd.setOut(writer(out, console.stdout()));
        cmd.setErr(writer(err, console.stderr()));
        cmd.setParameterExceptionHandler(new ChineseErrors());
        // Exit 2 means "an indicator failed": a usage error must not look like one.
        configure(cmd);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> Fatal.report(ex, line.getErr(), debug));
        return cmd;
    }

    private static PrintWriter writer(PrintStream stream, Charset charset) {
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }

    private static void configure(CommandLine c) {
        c.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.CANNOT_RUN);
        c.getCommandSpec().exitCodeOnExecutionException(ExitCodes.CANNOT_RUN);
        c.getSubcommands().values().forEach(Main::configure);
    }
}
