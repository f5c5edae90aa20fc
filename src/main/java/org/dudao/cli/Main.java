package org.dudao.cli;

import org.dudao.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code dudao}: checks education statistics against the indicators of the plans. */
@Command(name = "dudao", mixinStandardHelpOptions = true, versionProvider = Version.class, resourceBundle = "org.dudao.cli.Messages",
        description = "督导：按教育规划的指标核查统计数据，生成督导报告。",
        subcommands = {EvaluateCommand.class, BatchCommand.class, HistoryCommand.class, RulesCommand.class,
                GenerateCommand.class, ExplainCommand.class, TemplateCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        // Java 17 would write Chinese in the platform charset (often ASCII in a container): always UTF-8.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cmd = commandLine(out, err);
        return cmd.execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(new Main());
        // PrintWriter(OutputStream) would encode in the platform charset (ASCII under cron's POSIX locale).
        cmd.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // Exit 2 means "an indicator failed": a usage error must not look like one.
        configure(cmd);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("dudao：运行出错：" + ex);
            return ExitCodes.CANNOT_RUN;
        });
        return cmd;
    }

    private static void configure(CommandLine c) {
        c.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.CANNOT_RUN);
        c.getCommandSpec().exitCodeOnExecutionException(ExitCodes.CANNOT_RUN);
        c.getSubcommands().values().forEach(Main::configure);
    }
}
