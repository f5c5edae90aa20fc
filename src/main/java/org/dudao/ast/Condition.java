package org.dudao.ast;

import java.util.List;

/** A part of a rule's {@code when}: a pattern, a group of conditions, or a construct kept only by name and place. */
public sealed interface Condition permits Condition.Pattern, Condition.Group, Condition.Other {
    Location at();

    /**
     * {@code $e : Entity(level == "县")}: the binding (null when none), the type as written, each
     * constraint's text, where the facts come from, and anything unusual written on it ({@code over
     * window:…}, {@code @watch}, a query call, a unification) in {@code extras}.
     */
    record Pattern(String binding, String type, List<Constraint> constraints, Source source, List<String> extras, Location at)
            implements Condition {}

    /** {@code not}, {@code exists}, {@code or}, {@code forall} or a nested {@code and}, with its members. */
    record Group(String kind, List<Condition> members, Location at) implements Condition {}

    /** A condition the readers of this tree do not take apart ({@code eval}, a conditional branch …), with its text. */
    record Other(String kind, String text, Location at) implements Condition {}

    /** One constraint of a pattern as written; {@code positional} for {@code Entity("县")}-style ones. */
    record Constraint(String text, boolean positional, Location at) {}

    /** Where a pattern's facts come from. */
    sealed interface Source permits WorkingMemory, From, Collect, OtherSource {}

    /** The session's facts (no {@code from}). */
    record WorkingMemory() implements Source {}

    /** {@code from <expression>}. */
    record From(String expression, Location at) implements Source {}

    /** {@code from collect(<pattern>)}. */
    record Collect(Pattern input, Location at) implements Source {}

    /** {@code from accumulate(…)}, {@code from entry-point …}, a window …: kept by kind and text. */
    record OtherSource(String kind, String text, Location at) implements Source {}
}
