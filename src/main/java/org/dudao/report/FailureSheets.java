package org.dudao.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sheets of report.xlsx that list failures: one per indicator that failed, and 整改清单. They are
 * created up front, in their place in the workbook, and take each failure as the one pass over the
 * verdicts meets it (SXSSF writes rows to several sheets side by side).
 */
final class FailureSheets implements Consumer<Verdict> {
    private static final String[] INDICATOR_HEADER = {"层级", "代码", "名称", "所属地区", "观测值", "观测值（含单位）", "标准", "差距与说明",
        "计算", "数据来源（单元格）", "未达标的下级"};
    private static final String[] TODO_HEADER = {"序号", "责任地区", "层级", "代码", "名称", "指标", "指标名称", "发现的问题", "整改要求",
        "依据条款", "数据来源（单元格）"};

    private final Map<String, Entity> entities;
    private final Map<String, Listing> byIndicator = new LinkedHashMap<>();
    private final XlsxSheet todo;
    private int n;

    /** Creates a sheet for each indicator that failed (known from the counts, in catalogue order), then 整改清单. */
    FailureSheets(Report report, SXSSFWorkbook wb, XlsxStyles styles, Set<String> names) {
        this.entities = report.data().entities();
        for (Indicator i : ReportView.failed(report.catalogue(), report.evaluation().tally())) {
            XlsxSheet s = new XlsxSheet(wb.createSheet(XlsxReport.sheetName(i, names)), styles).header((Object[]) INDICATOR_HEADER);
            byIndicator.put(i.id(), new Listing(i, s));
        }
        todo = new XlsxSheet(wb.createSheet("整改清单"), styles).header((Object[]) TODO_HEADER);
    }

    @Override public void accept(Verdict v) {
        if (!v.isFail()) return;
        String sources = String.join("；", ReportView.sources(v));
        String responsible = ReportView.responsibleRegion(entities, v);
        Listing own = byIndicator.get(v.getIndicator());
        if (own != null) {
            own.sheet.row(v.getLevel(), v.getEntityCode(), v.getEntityName(), responsible, v.getObserved(), v.getObservedText(), v.getBound(),
                    v.getMessage(), v.getFormula(), sources, children(v));
        }
        todo.row(++n, responsible, v.getLevel(), v.getEntityCode(), v.getEntityName(), v.getIndicator(), v.getName(), v.getMessage(),
                XlsxReport.requirement(v), v.getSource(), sources);
    }

    /** Ends every sheet: filters and panes, and each indicator's notes below its failures. */
    void finish() {
        for (Listing l : byIndicator.values()) {
            // the filter covers the data rows only, not the notes below them
            l.sheet.filter(0, 11).freeze(3, 1);
            Indicator ind = l.indicator;
            l.sheet.blank().row("指标", ind.id() + " " + ind.name()).row("标准", ind.bound()).row("依据", ind.source());
            l.sheet.fitColumns(6);
        }
        todo.filter(0, 11).freeze(0, 1).fitColumns(6);
    }

    private static String children(Verdict v) {
        StringBuilder b = new StringBuilder();
        for (ChildFinding c : v.getChildren()) {
            if (b.length() > 0) b.append('；');
            b.append(c.entityName()).append("（").append(c.status().label()).append("）：").append(c.message());
        }
        return b.toString();
    }

    private record Listing(Indicator indicator, XlsxSheet sheet) {}
}
