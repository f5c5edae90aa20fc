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
 * verdicts meets it (SXSSF writes rows to several sheets side by side). A sheet that would pass the
 * row limit stops listing and ends with a note of how many more there are.
 */
final class FailureSheets implements Consumer<Verdict> {
    private static final String[] INDICATOR_HEADER = {"层级", "代码", "名称", "所属地区", "观测值", "观测值（含单位）", "标准", "差距与说明",
        "计算", "数据来源（单元格）", "未达标的下级"};
    private static final String[] TODO_HEADER = {"序号", "责任地区", "层级", "代码", "名称", "指标", "指标名称", "发现的问题", "整改要求",
        "依据条款", "数据来源（单元格）"};
    /** Rows an indicator sheet writes after its failures: the limit note, a blank and three indicator notes. */
    private static final int INDICATOR_TAIL = 5;

    private final Map<String, Entity> entities;
    private final int maxRows;
    private final Map<String, Listing> byIndicator = new LinkedHashMap<>();
    private final Listing todo;
    private int n;

    /** Creates a sheet for each indicator that failed (known from the counts, in catalogue order), then 整改清单. */
    FailureSheets(Report report, SXSSFWorkbook wb, XlsxStyles styles, Set<String> names, int maxRows) {
        this.entities = report.data().entities();
        this.maxRows = maxRows;
        for (Indicator i : ReportView.failed(report.catalogue(), report.evaluation().tally())) {
            XlsxSheet s = new XlsxSheet(wb.createSheet(XlsxReport.sheetName(i, names)), styles).header((Object[]) INDICATOR_HEADER);
            byIndicator.put(i.id(), new Listing(i, s, maxRows - INDICATOR_TAIL));
        }
        todo = new Listing(null, new XlsxSheet(wb.createSheet("整改清单"), styles).header((Object[]) TODO_HEADER), maxRows - 1);
    }

    @Override public void accept(Verdict v) {
        if (!v.isFail()) return;
        String sources = String.join("；", ReportView.sources(v));
        String responsible = ReportView.responsibleRegion(entities, v);
        Listing own = byIndicator.get(v.getIndicator());
        if (own != null) {
            own.add(v.getLevel(), v.getEntityCode(), v.getEntityName(), responsible, v.getObserved(), v.getObservedText(), v.getBound(),
                    v.getMessage(), v.getFormula(), sources, children(v));
        }
        todo.add(++n, responsible, v.getLevel(), v.getEntityCode(), v.getEntityName(), v.getIndicator(), v.getName(), v.getMessage(),
                XlsxReport.requirement(v), v.getSource(), sources);
    }

    /** Ends every sheet: filters and panes, the limit notes, and each indicator's notes below its failures. */
    void finish() {
        for (Listing l : byIndicator.values()) {
            // the filter covers the data rows only, not the notes below them
            l.sheet.filter(0, 11).freeze(3, 1);
            l.note(maxRows);
            Indicator ind = l.indicator;
            l.sheet.blank().row("指标", ind.id() + " " + ind.name()).row("标准", ind.bound()).row("依据", ind.source());
            l.sheet.fitColumns(6);
        }
        todo.sheet.filter(0, 11).freeze(0, 1);
        todo.note(maxRows);
        todo.sheet.fitColumns(6);
    }

    private static String children(Verdict v) {
        StringBuilder b = new StringBuilder();
        for (ChildFinding c : v.getChildren()) {
            if (b.length() > 0) b.append('；');
            b.append(c.entityName()).append("（").append(c.status().label()).append("）：").append(c.message());
        }
        return b.toString();
    }

    /** A sheet of failures that lists rows while they fit before {@code room} and counts the rest. */
    private static final class Listing {
        final Indicator indicator;
        final XlsxSheet sheet;
        final int room;
        int left;

        Listing(Indicator indicator, XlsxSheet sheet, int room) {
            this.indicator = indicator;
            this.sheet = sheet;
            this.room = room;
        }

        void add(Object... cells) {
            if (sheet.rowIndex() < room) sheet.row(cells);
            else left++;
        }

        void note(int maxRows) {
            if (left == 0) return;
            sheet.row("说明", "本表已达 Excel 单表行数上限（" + maxRows + " 行），另有 " + left + " 条不达标结论未列出；全部结论见 report.json。");
        }
    }
}
