package org.dudao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** {@code dudao}: checks education statistics against the indicators of the plans. */
@Command(name = "dudao", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "org.dudao.cli.Messages",
        description = "督导：按教育规划的指标核查统计数据，生成督导报告。",
        subcommands = {EvaluateCommand.class, BatchCommand.class, HistoryCommand.class, RulesCommand.class,
                GenerateCommand.class, ExplainCommand.class, TemplateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "出错时另外打印 Java 调用栈（供开发人员排查）")
    boolean debug;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintStream err = stderr();
        // an Error in a thread of ours (a worker out of memory) ends the process instead of leaving it idle
        Fatal.install(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), debug(args));
        System.exit(run(stdout(), err, args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return run(stdout(), stderr(), args);
    }

    // Java 17 would write Chinese in the platform charset (often ASCII in a container): always UTF-8.
    private static PrintStream stdout() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }

    private static PrintStream stderr() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        boolean debug = debug(args);
        CommandLine cmd = commandLine(out, err, debug);
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

    private static CommandLine commandLine(PrintStream out, PrintStream err, boolean debug) {
        CommandLine cmd = new CommandLine(new Main());
        // PrintWriter(OutputStream) would encode in the platform charset (ASCII under cron's POSIX locale).
        cmd.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // Exit 2 means "an indicator failed": a usage error must not look like one.
        configure(cmd);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> Fatal.report(ex, line.getErr(), debug));
        return cmd;
    }

    private static void configure(CommandLine c) {
        c.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.CANNOT_RUN);
        c.getCommandSpec().exitCodeOnExecutionException(ExitCodes.CANNOT_RUN);
        c.getSubcommands().values().forEach(Main::configure);
    }
}
