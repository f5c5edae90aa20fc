package org.dudao.model;

/**
 * An indicator as its rule describes it in metadata: the catalogue entry reports cite.
 *
 * @param id      e.g. {@code FUND-01}
 * @param name    e.g. 一般公共预算教育支出只增不减
 * @param level   the levels it applies to, e.g. 县,市,省
 * @param pattern one of the patterns of INDICATORS.md (threshold, no-decrease, ...)
 * @param bound   the bound as a person reads it, e.g. {@code >= 50%}
 * @param source  the clause it encodes: seed file and clause, or the national document
 * @param warn    the margin that turns a narrow pass into a warning (e.g. {@code 2%}), or null
 * @param file    the rule file it is defined in, relative to the rules folder
 * @param rule    the DRL rule name
 * @param reading how the source's words are read beyond the bound ({@code @soft @tie @tolerance})
 */
public record Indicator(String id, String name, String level, String pattern, String bound, String source,
                        String warn, String file, String rule, Reading reading) {
    public Indicator(String id, String name, String level, String pattern, String bound, String source,
                     String warn, String file, String rule) {
        this(id, name, level, pattern, bound, source, warn, file, rule, Reading.NONE);
    }

    /** This entry with the bound shown as {@code bound} (a thresholds table sets it). */
    public Indicator withBound(String bound) {
        return new Indicator(id, name, level, pattern, bound, source, warn, file, rule, reading);
    }
}
