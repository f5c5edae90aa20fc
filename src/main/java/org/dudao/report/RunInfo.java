package org.dudao.report;

import org.dudao.model.InputFile;

import java.util.List;
import java.util.SortedSet;

/** The facts of a run a report must state: tool, time, inputs with their hashes, rules and their hash, year. */
public record RunInfo(String tool, String version, String time, int year, SortedSet<Integer> yearsPresent,
                      List<InputFile> inputs, String rulesDir, String rulesSha256, int indicators) {}
