package org.dudao.cli;

import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code --rules DIR} option every command shares, and compiling what it names. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "规则目录（默认 ./rules）")
    Path dir;

    @Option(names = "--trust-rules", description = "信任规则文件：不检查其中的文件、网络、进程、反射等调用（仅限规则管理员）")
    boolean trusted;

    /** Compiles the rules; on errors prints each as file:line:col: message and returns null. */
    RuleBase compile(PrintWriter err) {
        try {
            return RuleBase.compile(dir, trusted);
        } catch (RuleCompileException e) {
            err.println("规则无法编译（" + e.messages().size() + " 个错误）：");
            for (RuleMessage m : e.messages()) err.println(m);
            return null;
        }
    }
}
