package org.dudao.engine;

import org.dudao.model.Param;

import java.util.Map;

/**
 * What the pattern helpers need besides the rule's own arguments: the indexed facts, the year under
 * evaluation and the metadata of every rule. Passed to each session through its Environment, so
 * rule files declare no globals. {@code ruleParams} are the parameters of {@code rules/params.csv}.
 */
public record SessionContext(Facts facts, int year, Map<String, RuleMeta> rules, Map<String, Param> ruleParams) {
    public SessionContext(Facts facts, int year, Map<String, RuleMeta> rules) { this(facts, year, rules, Map.of()); }

    /** The same context for one session: its facts with a memo of their own ({@link Facts#forSession()}), never shared by two sessions or threads. */
    public SessionContext forSession() { return new SessionContext(facts.forSession(), year, rules, ruleParams); }

    /** As {@link #forSession()}, the session's roll-ups over schools and classes filed in, or taken from, {@code tallies}. */
    SessionContext forSession(Tallies tallies) { return new SessionContext(facts.forSession(tallies), year, rules, ruleParams); }

    public static final String KEY = "dudao.context";
}
