package org.dudao.cli;

import org.dudao.serve.ServeCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain command line builds only the command it runs; that command is the same as among all the others. */
class CommandDispatchTest {
    @Test
    void onlyAPlainLineNamesItsCommand() {
        assertThat(Main.invoked("rules", "list")).isEqualTo(RulesCommand.class);
        assertThat(Main.invoked("--debug", "--encoding", "GBK", "evaluate", "a.xlsx")).isEqualTo(EvaluateCommand.class);
        assertThat(Main.invoked("--encoding=GBK", "serve")).isEqualTo(ServeCommand.class);
        // every command is built for the help, a misspelt command and an option only the top knows
        assertThat(Main.invoked()).isNull();
        assertThat(Main.invoked("help", "rules")).isNull();
        assertThat(Main.invoked("rule", "list")).isNull();
        assertThat(Main.invoked("--version")).isNull();
        assertThat(Main.invoked("--bogus", "rules", "list")).isNull();
        assertThat(Main.invoked("--encoding")).isNull();
    }

    @Test
    void aCommandBuiltAloneHasTheUsageItHasAmongAll() {
        CommandLine all = commandLine(null);
        assertThat(all.getSubcommands().keySet()).containsExactly("evaluate", "batch", "history", "rules", "generate", "explain",
                "template", "serve", "help");
        for (Map.Entry<String, CommandLine> c : all.getSubcommands().entrySet()) {
            if (c.getKey().equals("help")) continue;
            CommandLine alone = commandLine(c.getValue().getCommand().getClass());
            assertThat(alone.getSubcommands()).containsOnlyKeys(c.getKey());
            assertSameUsage(c.getValue(), alone.getSubcommands().get(c.getKey()));
        }
    }

    private static void assertSameUsage(CommandLine expected, CommandLine actual) {
        assertThat(actual.getUsageMessage()).as(expected.getCommandSpec().qualifiedName()).isEqualTo(expected.getUsageMessage());
        List<String> names = List.copyOf(expected.getSubcommands().keySet());
        assertThat(actual.getSubcommands().keySet()).containsExactlyElementsOf(names);
        for (String n : names) assertSameUsage(expected.getSubcommands().get(n), actual.getSubcommands().get(n));
    }

    private static CommandLine commandLine(Class<?> only) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return Main.commandLine(sink, sink, ConsoleEncoding.UTF_8, false, only);
    }
}
