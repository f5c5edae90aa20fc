package org.dudao.api;

import org.dudao.engine.Bound;
import org.dudao.engine.RuleBase;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMeta;
import org.dudao.load.RegionProbe;
import org.dudao.load.WorkbookException;
import org.dudao.model.Indicator;
import org.dudao.model.Param;
import org.dudao.template.TemplateWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule set, compiled once ({@link Dudao#rules}): the indicator catalogue, the rules folder's
 * dictionary, parameters, thresholds and waivers, and the compiled DRL. Thread-safe: any number of
 * evaluations may run on it at once, each in sessions of its own.
 */
public final class Rules {
    private final RuleBase base;
    private final RulesLocation location;

    Rules(RuleBase base, RulesLocation location) {
        this.base = base;
        this.location = location;
    }

    /** Where the rules were read from, and how they were found. */
    public RulesLocation location() { return location; }

    /** The SHA-256 over every file of the rules folder but its test fixtures: a report names the exact rule set it used. */
    public String sha256() { return base.hash(); }

    /** One entry per indicator, in the order the rule files define them. */
    public List<Indicator> catalogue() { return base.catalogue(); }

    /** {@code 规则：/abs/rules（当前目录下的 rules）；SHA-256 1a2b3c4d5e6f…}: the line that tells which rules a run used. */
    public String describe() {
        return "规则：" + location.describe() + "；SHA-256 " + sha256().substring(0, 12) + "…";
    }

    /**
     * Loads the workbooks, evaluates the year asked for (the latest present by default) and applies the
     * waivers: the rules folder's and the request's.
     *
     * @throws DudaoException nothing could be evaluated (no data, or not the year asked for; the
     *                        workbooks that could not be read are its problems), or a rule went past
     *                        the session limits
     */
    public Evaluation evaluate(EvaluationRequest request) throws DudaoException {
        return Run.evaluate(this, request);
    }

    /**
     * A quick look into a workbook: the regions, schools and years it holds, from at most the first
     * 10,000 rows of each sheet.
     *
     * @throws DudaoException the file cannot be read as a workbook at all
     */
    public WorkbookContents probe(Path workbook) throws DudaoException {
        try {
            RegionProbe.Result r = new RegionProbe(base.dictionary()).probe(workbook);
            return new WorkbookContents(r.entities(), r.years());
        } catch (WorkbookException e) {
            throw new DudaoException(e.getMessage(), List.of(new DudaoException.Problem(Location.of(e.getFile()), e.getMessage())), e);
        }
    }

    /**
     * Writes the workbook a county fills in (填报模板): the metric columns the rules read, with units,
     * definitions, data validation and an example row.
     *
     * @param level {@code county} (地区表), {@code school} (学校表), {@code class} (班级表), or null for all
     */
    public void writeTemplate(String level, OutputStream out) throws IOException, DudaoException {
        if (level != null && !TemplateWriter.LEVELS.contains(level)) {
            throw new DudaoException("层级应为 " + String.join("、", TemplateWriter.LEVELS) + "，而不是“" + level + "”");
        }
        try {
            TemplateWriter.write(base, level, out);
        } catch (RuleCompileException e) {
            throw Errors.of("无法生成模板：" + e.getMessage(), e);
        }
    }

    /**
     * A parameter an indicator's bound reads ({@code >= {KG-01达标线|85%}}): its name, the default the
     * rule writes (null when none), the value {@code params.csv} sets (null when none) and where it is set.
     */
    public record Parameter(String name, String defaultValue, String value, String origin) {}

    /** The parameters of an indicator's bound, in the order the bound names them; empty for an unknown indicator. */
    public List<Parameter> parameters(String indicatorId) {
        List<Parameter> out = new ArrayList<>();
        for (RuleMeta m : base.rules().values()) {
            if (!m.indicator().id().equals(indicatorId)) continue;
            for (Bound b : parts(m.bound())) {
                if (b.param() == null || out.stream().anyMatch(p -> p.name().equals(b.param()))) continue;
                Param set = base.params().get(b.param());
                out.add(new Parameter(b.param(), plain(b.number()), set == null ? null : set.getText(),
                        set == null ? null : set.getOrigin().getFile() + " " + set.getOrigin().ref()));
            }
        }
        return out;
    }

    private static List<Bound> parts(Bound b) {
        if (b == null) return List.of();
        if (b.parts().isEmpty()) return List.of(b);
        return b.parts().stream().map(Bound.Part::bound).toList();
    }

    private static String plain(BigDecimal n) { return n == null ? null : n.toPlainString(); }

    RuleBase base() { return base; }
}
