package org.dudao.history;

import org.dudao.model.InputFile;

import java.util.List;

/**
 * A run to record: the region it covers, when it started, the year evaluated, its inputs with their
 * hashes, the rules hash, the formats and folder it wrote, and whether it could be evaluated.
 * {@code inputsSha256} is one hash over the inputs' hashes (see {@link org.dudao.util.Sha256#ofInputs}).
 */
public record NewRun(String regionKey, String regionName, String startedAt, Integer year, String yearsPresent,
                     String rulesSha256, String inputsSha256, String formats, String outDir, boolean evaluated,
                     int exitCode, List<InputFile> inputs) {}
