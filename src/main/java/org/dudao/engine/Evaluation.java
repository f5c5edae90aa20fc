package org.dudao.engine;

import org.dudao.model.Verdict;

import java.util.List;

/** The verdicts of a run, in a stable order, and any rule that broke the one-verdict contract. */
public record Evaluation(int year, List<Verdict> verdicts, List<String> ruleProblems) {}
