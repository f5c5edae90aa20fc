package org.dudao.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.model.ChildFinding;
import org.dudao.model.Entity;
import org.dudao.model.Indicator;
import org.dudao.model.Verdict;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sheets of report.xlsx that the one pass over the verdicts fills: one per indicator that failed,
 * 整改清单 (a concrete requirement per failure) and 补报清单 (the values units must supply). They are
 * created up front, in their place in the workbook, and take each verdict as the pass meets it (SXSSF
 * writes rows to several sheets side by side). An indicator sheet's header names the unit of its
 * numbers, so it is written with the sheet's first failure. A sheet that would pass the row limit
 * stops listing and ends with a note of how many more there are.
 */
final class FailureSheets implements Consumer<Verdict> {
    private static final String[] TODO_HEADER = {"序号", "责任地区", "层级", "代码", "名称", "指标", "指标名称", "发现的问题", "整改要求",
        "完成时限", "依据", "数据来源（单元格）"};
    private static final String[] GAP_HEADER = {"单位代码", "单位名称", "层级", "工作表", "应填写的列（名称(单位)）", "年度", "涉及指标", "说明"};
    /** Rows an indicator sheet writes after its failures: the limit note, a blank and three indicator notes. */
    private static final int INDICATOR_TAIL = 5;

    private final Map<String, Entity> entities;
    private final Wording words;
    private final int maxRows;
    private final Map<String, Listing> byIndicator = new LinkedHashMap<>();
    private final Listing todo;
    private final Listing gapSheet;
    private final DataGaps gaps;
    private int n;

    /** Creates a sheet for each indicator that failed (known from the counts, in catalogue order), then 整改清单 and 补报清单. */
    FailureSheets(Report report, Wording words, SXSSFWorkbook wb, XlsxStyles styles, Set<String> names, int maxRows) {
        this.entities = report.data().entities();
        this.words = words;
        this.maxRows = maxRows;
        for (Indicator i : ReportView.failed(report.catalogue(), report.evaluation().tally())) {
            XlsxSheet s = new XlsxSheet(wb.createSheet(XlsxReport.sheetName(i, names)), styles);
            byIndicator.put(i.id(), new Listing(i, s, maxRows - INDICATOR_TAIL));
        }
        todo = new Listing(null, new XlsxSheet(wb.createSheet("整改清单"), styles).header((Object[]) TODO_HEADER), maxRows - 1);
        gapSheet = new Listing(null, new XlsxSheet(wb.createSheet("补报清单"), styles).header((Object[]) GAP_HEADER), maxRows - 1);
        gaps = new DataGaps(report.context().dictionary(), g -> gapSheet.add(Shown.name(g.code()), Shown.name(g.name()), g.level(), g.sheet(), g.column(),
                g.yearText(), String.join("、", g.indicators()), g.note()));
    }

    @Override public void accept(Verdict v) {
        gaps.accept(v);
        if (!v.isFail()) return;
        String sources = Evidence.withValues(v);
        String responsible = Shown.name(ReportView.responsibleRegion(entities, v));
        Indicator ind = words.indicator(v);
        Listing own = byIndicator.get(v.getIndicator());
        if (own != null) {
            if (own.sheet.rowIndex() == 0) own.sheet.header((Object[]) indicatorHeader(Ranking.unit(v)));
            String unit = Ranking.unit(v);
            own.add(v.getLevel(), v.getEntityCode(), Shown.name(v.getSubject()), responsible, number(v.getObserved(), unit),
                    Shown.text(v.getObservedText()), words.standard(v), number(v.getLimit(), unit), number(Ranking.gap(v), unit),
                    Shown.text(v.getMessage()), Shown.text(v.getFormula()), sources, children(v));
        }
        String deadline = words.deadline(v);
        todo.add(++n, responsible, v.getLevel(), v.getEntityCode(), Shown.name(v.getSubject()), v.getIndicator(), Shown.text(ind.name()),
                Shown.text(v.getMessage()), words.requirement(v), deadline.isEmpty() ? "按督导意见书要求" : deadline, words.source(ind), sources);
    }

    /** A number shown in the unit of the observed value; none where the unit is not a number's. */
    private static XlsxSheet.Num number(BigDecimal value, String unit) {
        return new XlsxSheet.Num(unit == null ? null : value, unit);
    }

    private static String[] indicatorHeader(String unit) {
        String u = unit == null || unit.isEmpty() ? "" : "（" + unit + "）";
        return new String[]{"层级", "代码", "名称", "所属地区", "观测值" + u, "观测值（原文）", "标准", "比较值" + u, "差距" + u, "说明",
            "计算", "数据来源（单元格）", "未达标的下级"};
    }

    /** Ends every sheet: filters and panes, the limit notes, and each indicator's notes below its failures. */
    void finish() {
        gaps.finish();
        for (Listing l : byIndicator.values()) {
            if (l.sheet.rowIndex() == 0) l.sheet.header((Object[]) indicatorHeader(null));
            // the filter covers the data rows only, not the notes below them
            l.sheet.filter(0, indicatorHeader(null).length).freeze(3, 1);
            l.note(maxRows);
            Indicator ind = l.indicator;
            l.sheet.blank().row("指标", ind.id() + " " + Shown.text(ind.name())).row("标准", words.standards.of(ind)).row("依据", words.source(ind));
            l.sheet.fitColumns(6);
        }
        todo.sheet.filter(0, TODO_HEADER.length).freeze(0, 1);
        todo.note(maxRows);
        todo.sheet.fitColumns(6);
        gapSheet.sheet.filter(0, GAP_HEADER.length).freeze(2, 1);
        gapSheet.note(maxRows);
        gapSheet.sheet.fitColumns(6);
    }

    private static String children(Verdict v) {
        StringBuilder b = new StringBuilder();
        // a region's roll-up keeps its first 1,000 children: say so first, before the cell's text can be cut
        if (v.getChildrenCount() > v.getChildren().size()) {
            b.append("共 ").append(v.getChildrenCount()).append(" 个，列出前 ").append(v.getChildren().size()).append(" 个：");
        }
        int start = b.length();
        for (ChildFinding c : v.getChildren()) {
            if (b.length() > start) b.append('；');
            b.append(Shown.name(c.entityName())).append("（").append(c.status().label()).append("）：").append(Shown.text(c.message()));
        }
        return b.toString();
    }

    /** A sheet of rows that lists them while they fit before {@code room} and counts the rest. */
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
            sheet.row("说明", "本表已达 Excel 单表行数上限（" + maxRows + " 行），另有 " + left + " 条未列出；全部结论见 report.json。");
        }
    }
}
