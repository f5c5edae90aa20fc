package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.dudao.engine.DroolsMessages;
import org.dudao.engine.Evaluator;
import org.dudao.engine.RuleBase;
import org.dudao.load.MetricDictionary;
import org.dudao.load.NoDataHint;
import org.dudao.load.WorkbookException;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.ChildFinding;
import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Indicator;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code dudao explain}: one indicator's verdict for one entity, in plain Chinese: the formula with
 * its numbers and their cells, the bound and its clause, the verdict; what condition did not hold;
 * what was missing and where it should have been filled in. Everything is taken from the verdict the
 * rules gave (its formula, message, evidence, missing values, children), nothing is recomputed.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "解释一项指标对一个单位的结论：计算过程（数值及其单元格）、界值及依据、结论；不适用时说明哪个条件不成立，数据不足时说明缺什么、应填在哪里。",
        footer = {"", "退出码：0 达标或不适用；1 预警或数据不足；2 不达标；3 无法按要求运行（指标或单位不存在、规则无法编译、工作簿无法读取）。"})
public final class ExplainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RulesOption rules;

    @Option(names = "--indicator", required = true, paramLabel = "ID", description = "指标编号，如 KG-01")
    String indicator;

    @Option(names = "--entity", required = true, paramLabel = "CODE", description = "单位代码（地区代码或学校代码；也可写单位名称）")
    String entity;

    @Option(names = "--year", paramLabel = "YEAR", converter = YearConverter.class, description = "评估年度，如 2024 或 2024年（默认：数据中最新的年度）")
    Integer year;

    @Parameters(paramLabel = "WORKBOOK", arity = "1..*", description = "统计工作簿（.xlsx/.xls/.csv），可给多个（如每年一个）")
    List<Path> workbooks;


    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleBase rb = rules.compile(err);
        if (rb == null) return ExitCodes.CANNOT_RUN;
        Optional<Indicator> ind = rb.catalogue().stream().filter(i -> i.id().equalsIgnoreCase(indicator.strip())).findFirst();
        if (ind.isEmpty()) {
            List<String> ids = rb.catalogue().stream().map(Indicator::id).toList();
            List<String> near = DroolsMessages.nearest(indicator.strip().toUpperCase(), ids, 5);
            err.println("没有编号为“" + TerminalText.safe(indicator) + "”的指标" + (near.isEmpty() ? "" : "。是否是：" + String.join("、", near) + "？")
                    + "（全部指标见 dudao rules list）");
            return ExitCodes.CANNOT_RUN;
        }
        WorkbookLoader.Result loaded = new WorkbookLoader(rb.dictionary()).load(workbooks);
        for (WorkbookException e : loaded.unreadable()) err.println(TerminalText.safe(e.describe()));
        Dataset data = loaded.dataset();
        if (data.years().isEmpty()) {
            for (String line : NoDataHint.of(data).split("\n")) err.println(TerminalText.safe(line));
            return ExitCodes.CANNOT_RUN;
        }
        Entity e = findEntity(data, entity.strip());
        if (e == null) {
            List<String> known = new ArrayList<>();
            for (Entity x : data.allEntities()) if (x.getKind() != EntityKind.CLASS) known.add(x.getCode());
            List<String> near = new ArrayList<>(DroolsMessages.nearest(entity.strip(), known, 5));
            for (Entity x : data.allEntities()) {
                if (x.getName() != null && x.getKind() != EntityKind.CLASS && (x.getName().contains(entity.strip()) || entity.strip().contains(x.getName()))
                        && !near.contains(x.getCode())) near.add(x.getCode());
            }
            List<String> shown = near.stream().limit(5).map(c -> c + "（" + data.entities().get(c).displayName() + "）").toList();
            err.println("数据中没有代码为“" + TerminalText.safe(entity) + "”的单位" + (shown.isEmpty() ? "" : "。是否是：" + String.join("、", shown) + "？"));
            return ExitCodes.CANNOT_RUN;
        }
        int y = year != null ? year : Evaluator.latestYear(data);
        if (!data.years().contains(y)) {
            err.println(YearHints.noSuchYear(y, data.years()));
            return ExitCodes.CANNOT_RUN;
        }
        List<Verdict> verdicts = new Evaluator(rb, 1).evaluate(data, y).verdicts().stream()
                .filter(v -> v.getIndicator().equals(ind.get().id()) && v.getEntityCode().equals(e.getCode())).toList();
        if (verdicts.isEmpty()) {
            err.println("指标 " + ind.get().id() + "（" + ind.get().name() + "）对" + e.getLevel() + "“" + TerminalText.safe(e.displayName())
                    + "”没有结论：该指标适用于" + ind.get().level() + (e.getStage() == null ? "" : "（该单位学段：" + TerminalText.safe(e.getStage()) + "）"));
            return ExitCodes.CANNOT_RUN;
        }
        for (Verdict v : verdicts) {
            for (String line : explain(v, ind.get(), e, rb.dictionary()).split("\n", -1)) out.println(TerminalText.safe(line));
        }
        verdicts.stream().map(v -> YearHints.explained(v, e, data, y)).flatMap(Optional::stream).distinct()
                .forEach(h -> out.println(TerminalText.safe(h)));
        out.println(rules.used(rb));
        out.flush();
        return ExitCodes.of(verdicts);
    }

    private static Entity findEntity(Dataset data, String key) {
        Entity e = data.entities().get(key);
        if (e != null) return e;
        List<Entity> byName = data.allEntities().stream().filter(x -> key.equals(x.getName())).toList();
        return byName.size() == 1 ? byName.get(0) : null;
    }

    /** The explanation of one verdict, as the analyst reads it. */
    static String explain(Verdict v, Indicator ind, Entity e, MetricDictionary dict) {
        StringBuilder b = new StringBuilder();
        b.append("指标 ").append(v.getIndicator()).append(" ").append(ind.name()).append("（类型 ").append(ind.pattern()).append("）\n");
        b.append("依据：").append(v.getSource() != null ? v.getSource() : ind.source()).append("\n");
        b.append("单位：").append(e.displayName()).append("（代码 ").append(e.getCode()).append("，").append(e.getLevel())
                .append(e.getStage() == null || e.getStage().isBlank() ? "" : "，学段 " + e.getStage()).append("）");
        if (e.getOrigin() != null) b.append("，数据行在 ").append(e.getOrigin());
        b.append("\n");
        b.append("年度：").append(v.getYear()).append(v.getPart() == null ? "" : "　部分：" + v.getPart()).append("\n");
        if (v.getFormula() != null && !v.getFormula().isBlank()) b.append("计算：").append(v.getFormula()).append("\n");
        if (!v.getEvidence().isEmpty()) {
            b.append("所用数据：\n");
            for (Metric m : v.getEvidence()) {
                b.append("  · ").append(m.getKey()).append(" = ").append(m.display()).append("（")
                        .append(m.getEntityCode().equals(e.getCode()) ? "" : m.getEntityCode() + "，")
                        .append(m.getYear()).append("年，").append(m.getOrigin()).append("）\n");
            }
        }
        b.append("标准：").append(v.getBound() == null ? ind.bound() : v.getBound());
        if (v.getBound() != null && !v.getBound().replace(" ", "").equals(ind.bound().replace(" ", ""))) {
            b.append("（规则中写作 ").append(ind.bound()).append("）");
        }
        b.append("\n");
        if (!v.getParameters().isEmpty()) b.append("所用参数：").append(String.join("、", v.getParameters())).append("\n");
        if (v.getBoundOrigin() != null) b.append("标准取自界值表：").append(v.getBoundOrigin()).append("\n");
        if (v.getStatus() == Status.NOT_APPLICABLE) {
            String why = v.getMessage() == null ? "" : v.getMessage().replaceFirst("^不适用[：:]", "");
            b.append("结论：不适用。条件不成立：").append(why).append("（该指标对本单位不作评价）\n");
        } else {
            b.append("结论：").append(v.getStatus().label()).append("。").append(v.getMessage() == null ? "" : v.getMessage()).append("\n");
        }
        if (v.getStatus() == Status.INSUFFICIENT_DATA && !v.getMissing().isEmpty()) {
            b.append("缺少的数据（空白单元格按缺失处理，不按 0 计）：\n");
            if (v.getMissingValues().isEmpty()) {
                for (String miss : v.getMissing()) b.append("  · ").append(miss).append("：应由所属各单位补报，见其结论\n");
            }
            for (MissingValue m : v.getMissingValues()) b.append("  · ").append(said(m)).append("：").append(where(m, e, dict)).append("\n");
        }
        if (!v.getChildren().isEmpty()) {
            b.append("下级单位：\n");
            for (ChildFinding c : v.getChildren()) {
                b.append("  · ").append(c.entityName()).append("（").append(c.entity()).append("）").append(c.status().label())
                        .append("：").append(c.message());
                if (!c.cells().isEmpty()) b.append("；单元格 ").append(String.join("、", c.cells().stream().map(Origin::toString).toList()));
                b.append("\n");
            }
        }
        if (v.getWaiver() != null) b.append("豁免：").append(v.getWaiver().describe()).append("\n");
        return b.toString();
    }

    /** A missing value in words: 2024年“常住人口”, 参数“FUND-03提高额”. */
    static String said(MissingValue m) {
        String what = m.sheet() != null && m.sheet().equals(MissingValue.PARAMETER_SHEET) ? "参数“" + m.metric() + "”"
                : (m.year() == null ? "" : m.year() + "年") + "“" + m.metric() + "”";
        return what + (m.note().isEmpty() ? "" : "（" + m.note() + "）");
    }

    /** Where a missing value should have been: the sheet and, for the entity's own values, its row and column. */
    static String where(MissingValue m, Entity e, MetricDictionary dict) {
        if (MissingValue.PARAMETER_SHEET.equals(m.sheet())) return "应在工作簿的参数表（参数名称、参数值两列）或规则目录的 params.csv 中设置";
        String sheet = m.sheet() == null ? MissingValue.sheetOf(e.getKind()) : m.sheet();
        boolean own = e.getCode().equals(m.entity()) && sheet.equals(MissingValue.sheetOf(e.getKind()));
        StringBuilder s = new StringBuilder("应填在").append(sheet);
        if (own && e.getOrigin() != null && e.getOrigin().getCell() != null) {
            String row = e.getOrigin().getCell().replaceAll("^[A-Z]+", "");
            s.append("中本单位（代码 ").append(e.getCode()).append("）的行（本单位的数据行之一：")
                    .append(e.getOrigin().getFile() == null ? "" : e.getOrigin().getFile() + " ")
                    .append(e.getOrigin().getSheet()).append(" 第 ").append(row).append(" 行）");
        } else if (!own) {
            s.append("中所属各单位的行");
        }
        s.append("的 ").append(column(m.metric(), dict)).append(" 列");
        if (!m.alternatives().isEmpty()) {
            List<String> cols = new ArrayList<>();
            for (String a : m.alternatives()) cols.add(column(a, dict));
            s.append("（或填报 ").append(String.join("、", cols)).append(" 列，由系统计算）");
        }
        return s.append("；已查找，未找到或为空").toString();
    }

    /** “常住人口(人)”: a metric's column as the template heads it. */
    private static String column(String metric, MetricDictionary dict) {
        String unit = dict.get(metric).map(MetricDictionary.Def::unit).orElse(null);
        return "“" + metric + (unit == null || unit.isEmpty() ? "" : "(" + unit + ")") + "”";
    }
}
