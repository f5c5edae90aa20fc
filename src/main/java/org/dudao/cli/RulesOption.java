package org.dudao.cli;

import org.dudao.api.Dudao;
import org.dudao.api.DudaoException;
import org.dudao.api.Rules;
import org.dudao.api.RulesLocation;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code --rules DIR} option every command shares, finding the rules ({@link Dudao#locateRules}) and compiling them. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "规则目录（默认依次使用：当前目录下的 rules、安装目录中的 rules、程序内置的规则）")
    Path option;

    @Option(names = "--trust-rules", description = "信任规则文件：不检查其中的文件、网络、进程、反射等调用（仅限规则管理员）")
    boolean trusted;

    private RulesLocation found;

    /** Finds the rules folder (once); when there is none, prints why and returns null. */
    RulesLocation find(PrintWriter err) {
        if (found == null) {
            try {
                found = Dudao.locateRules(option);
            } catch (DudaoException e) {
                err.println(e.getMessage());
            }
        }
        return found;
    }

    /** The rules folder found by {@link #find} or {@link #compile}. */
    Path dir() {
        if (found == null) throw new IllegalStateException("rules not looked up yet");
        return found.folder();
    }

    /** {@code 规则：/abs/rules（当前目录下的 rules）；SHA-256 1a2b3c4d5e6f…}: the line telling which rules a run used. */
    String used(RuleBase rb) {
        return "规则：" + found.describe() + "；SHA-256 " + rb.hash().substring(0, 12) + "…";
    }

    /** Finds and compiles the rules; on errors prints each as file:line:col: message (or why there are none) and returns null. */
    RuleBase compile(PrintWriter err) {
        if (find(err) == null) return null;
        try {
            return RuleBase.compile(found.folder(), trusted);
        } catch (RuleCompileException e) {
            err.println("规则无法编译（" + e.messages().size() + " 个错误）：");
            for (RuleMessage m : e.messages()) err.println(m);
            return null;
        }
    }

    /** As {@link #compile}, as the embedding API's {@link Rules} (for the commands that evaluate). */
    Rules rules(PrintWriter err) {
        if (find(err) == null) return null;
        try {
            return Dudao.rules(found, trusted);
        } catch (DudaoException e) {
            Fatal.print(e, err);
            return null;
        }
    }
}
