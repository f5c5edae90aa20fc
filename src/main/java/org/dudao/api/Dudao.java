package org.dudao.api;

import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * dudao as a library: compile a rule set once, evaluate workbooks against it, write the reports.
 *
 * <pre>{@code
 * Rules rules = Dudao.rules(Path.of("rules"));
 * Evaluation result = rules.evaluate(EvaluationRequest.of(List.of(Path.of("县2024.xlsx"))));
 * for (Verdict v : result.verdicts()) System.out.println(v.getIndicator() + " " + v.getStatus());
 * result.write(Path.of("out"), List.of(ReportFormat.HTML));
 * }</pre>
 */
public final class Dudao {
    private Dudao() {}

    /** The version of this build ({@code dev} when run from classes). */
    public static String version() {
        String v = Dudao.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Compiles the rules of a folder ({@code *.drl} with its {@code metrics.csv}, {@code params.csv}, waivers …), sandboxed. */
    public static Rules rules(Path folder) throws DudaoException {
        return rules(new RulesLocation(folder, RulesLocation.Source.OPTION), false);
    }

    /** Compiles the rules built into this program (the shipped {@code rules/}). */
    public static Rules builtInRules() throws DudaoException {
        try {
            return rules(new RulesLocation(BuiltInRules.folder(), RulesLocation.Source.BUILT_IN), false);
        } catch (IOException e) {
            throw new DudaoException("无法解出程序内置的规则（" + e.getMessage() + "）", e);
        }
    }

    /**
     * Finds the rules as every command does, first found wins: {@code option} (a folder the caller
     * named, or null), {@code ./rules}, the installation's {@code rules/}, the built-in rules.
     */
    public static RulesLocation locateRules(Path option) throws DudaoException {
        return RulesLookup.find(option);
    }

    /**
     * Compiles the rules found at {@code location}. {@code trusted} lifts the sandbox that refuses rule
     * files calling files, network, processes or reflection: only for rules their administrator wrote.
     */
    public static Rules rules(RulesLocation location, boolean trusted) throws DudaoException {
        try {
            return new Rules(RuleBase.compile(location.folder(), trusted), location);
        } catch (RuleCompileException e) {
            throw Errors.of("规则无法编译（" + e.messages().size() + " 个错误）：", e);
        }
    }

    /** Copies the built-in rules into {@code target} (created if needed); returns the files written, relative to it. */
    public static List<Path> copyBuiltInRules(Path target) throws IOException {
        return BuiltInRules.copyTo(target);
    }
}
