package org.dudao.history;

/** A run as the history holds it. */
public record StoredRun(long id, long batchId, String regionKey, String regionName, String startedAt, Integer year,
                        String yearsPresent, String rulesSha256, String inputsSha256, String formats, String outDir,
                        boolean evaluated, int exitCode, int pass, int fail, int warn, int insufficient, int notApplicable,
                        int waived) {
    public int verdicts() { return pass + fail + warn + insufficient + notApplicable + waived; }
}
