package org.dudao.batch;

import org.dudao.history.Changes;
import org.dudao.history.StoredVerdict;
import org.dudao.history.Trend;
import org.dudao.model.Status;
import org.dudao.report.Html;
import org.dudao.report.HtmlReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code batch-summary.html}: one self-contained page with the same tables as batch-summary.xlsx
 * (批次概况, 各地区, 新增与整改, 趋势, problems and duplicates), styled like report.html. It has no
 * script at all, and its Content-Security-Policy allows none and no request to anywhere; everything
 * from the input goes through {@link Html#esc}.
 */
public final class BatchSummaryHtml {
    /** Changes listed; beyond this the page points to batch-summary.xlsx. */
    static final int CHANGE_LIMIT = 2000;
    /** Trend rows listed per region. */
    static final int TREND_LIMIT = 1000;

    private static final String EXTRA_CSS = "td.n { text-align: right; white-space: nowrap; }\n"
            + "h3 { font-size: 15px; margin: 18px 0 4px; }\n"
            + "td.path { word-break: break-all; font-size: 12px; color: #444; }\n";

    private BatchSummaryHtml() {}

    public static void write(BatchResult b, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String title = "督导批次汇总（批次 #" + b.batchId() + "）";
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.write("<title>" + Html.esc(title) + "</title>\n<style>\n" + HtmlReport.css() + EXTRA_CSS + "</style>\n</head>\n<body>\n");
        w.write("<h1>" + Html.esc(title) + "</h1>\n");
        w.write("<p class=\"meta\">dudao " + Html.esc(org.dudao.api.Dudao.version()) + " · " + Html.esc(b.startedAt()) + " 至 "
                + Html.esc(b.finishedAt()) + " · 规则 " + Html.esc(b.rulesDir()) + "（SHA-256 " + Html.esc(b.rulesSha256()) + "）</p>\n");
        facts(b, w);
        regions(b, w);
        changes(b, w);
        trend(b, w);
        problems(b, w);
        w.write("</body>\n</html>\n");
        w.flush();
    }

    private static void facts(BatchResult b, Writer w) throws IOException {
        w.write("<section id=\"facts\"><h2>批次概况</h2>\n<div class=\"figures\">\n");
        figure(w, "运行", b.regions().size(), null);
        for (BatchResult.Outcome o : BatchResult.Outcome.values()) figure(w, o.label(), SummaryContent.count(b, o), null);
        figure(w, "无法使用的输入", b.problems().size(), null);
        figure(w, "内容重复的工作簿", b.duplicates().size(), null);
        figure(w, "退出码", b.exitCode(), null);
        w.write("</div>\n<p>退出码 " + b.exitCode() + "：" + Html.esc(SummaryContent.exitMeaning(b.exitCode())) + "</p>\n");
        w.write("<table id=\"batch\"><tr><th>项目</th><th>内容</th></tr>\n");
        fact(w, "批次", "#" + b.batchId());
        fact(w, "开始时间", b.startedAt());
        fact(w, "结束时间", b.finishedAt());
        fact(w, "规则目录", b.rulesDir());
        fact(w, "规则 SHA-256", b.rulesSha256());
        fact(w, "结果历史库", b.maskedHistory());
        fact(w, "报告格式", String.join(",", b.formats()));
        fact(w, "分组", b.perFile() ? "每个工作簿单独核查" : "按地区（同一地区的各年度一起）");
        w.write("</table>\n<table id=\"totals\"><tr><th>结论（各地区合计）</th><th>数量</th></tr>\n");
        Map<Status, Integer> totals = SummaryContent.totals(b);
        for (Status s : Status.values()) {
            w.write("<tr><td class=\"s-" + s.name() + "\">" + Html.esc(s.label()) + "</td><td class=\"n\">" + totals.get(s) + "</td></tr>\n");
        }
        w.write("</table></section>\n");
    }

    private static void figure(Writer w, String label, long n, Status s) throws IOException {
        w.write("<div class=\"figure" + (s == null ? "" : " s-" + s.name()) + "\">" + Html.esc(label) + "<b>" + n + "</b></div>\n");
    }

    private static void fact(Writer w, String label, String value) throws IOException {
        w.write("<tr><th>" + Html.esc(label) + "</th><td>" + Html.esc(value) + "</td></tr>\n");
    }

    private static void regions(BatchResult b, Writer w) throws IOException {
        w.write("<section id=\"regions\"><h2>各地区</h2>\n<table id=\"regions-table\"><thead><tr>");
        for (String h : BatchSummaryXlsx.REGION_HEADER) w.write("<th>" + Html.esc(h) + "</th>");
        w.write("</tr></thead>\n<tbody>\n");
        for (BatchResult.RegionResult r : b.regions()) {
            w.write("<tr data-region=\"" + Html.esc(r.key()) + "\" data-outcome=\"" + r.outcome().name() + "\">");
            td(w, r.key());
            td(w, SummaryContent.name(r));
            td(w, r.outcome().label());
            num(w, r.runId() == null ? null : "#" + r.runId());
            num(w, r.changes().previousRunId() == null ? null : "#" + r.changes().previousRunId());
            num(w, r.year());
            td(w, SummaryContent.years(r));
            num(w, r.exitCode());
            for (Status s : Status.values()) {
                int n = r.counts().getOrDefault(s, 0);
                w.write("<td class=\"n" + (n > 0 && (s == Status.FAIL || s == Status.WARN) ? " s-" + s.name() : "") + "\" data-status=\""
                        + s.name() + "\">" + n + "</td>");
            }
            num(w, BatchConsole.failingByIndicator(r).size());
            w.write("<td class=\"failing\">" + Html.esc(SummaryContent.failingIndicators(r)) + "</td>");
            num(w, r.changes().newFailures().size());
            num(w, r.changes().fixed().size());
            num(w, r.changes().waived().size());
            num(w, r.changes().unconfirmed().size());
            td(w, String.join("；", r.problems()));
            w.write("<td class=\"path\">" + Html.esc(SummaryContent.files(r)) + "</td>");
            w.write("<td class=\"path\">" + Html.esc(r.folder()) + "</td>");
            w.write("</tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    private static void changes(BatchResult b, Writer w) throws IOException {
        List<SummaryContent.ChangeRow> rows = SummaryContent.changes(b);
        w.write("<section id=\"changes\"><h2>新增与整改</h2>\n");
        if (rows.isEmpty()) {
            w.write("<p>与各地区上次运行相比，没有新增不达标、整改或豁免。</p></section>\n");
            return;
        }
        if (rows.size() > CHANGE_LIMIT) {
            w.write("<p class=\"note\">共 " + rows.size() + " 项变化，此处列出前 " + CHANGE_LIMIT + " 项；全部见 batch-summary.xlsx 的“新增与整改”表。</p>\n");
        }
        w.write("<table id=\"changes-table\"><thead><tr><th>地区代码</th><th>地区</th><th>变化</th><th>指标</th><th>指标名称</th><th>单位代码</th>"
                + "<th>单位</th><th>比较的运行</th><th>上次</th><th>本次</th><th>说明</th></tr></thead>\n<tbody>\n");
        for (SummaryContent.ChangeRow row : rows.subList(0, Math.min(CHANGE_LIMIT, rows.size()))) {
            Changes.Change c = row.change();
            StoredVerdict v = c.any();
            BatchResult.RegionResult r = row.region();
            w.write("<tr data-region=\"" + Html.esc(r.key()) + "\">");
            td(w, r.key());
            td(w, SummaryContent.name(r));
            td(w, row.kind());
            td(w, v.indicator());
            td(w, v.name());
            td(w, v.entityCode());
            td(w, v.subject());
            td(w, "#" + r.changes().previousRunId() + " → #" + r.runId());
            verdict(w, c.before());
            verdict(w, c.now());
            td(w, c.now() == null ? "本次没有这一结论" : c.now().message());
            w.write("</tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    /** A verdict in a change: its status, year and observed value, coloured by status. */
    private static void verdict(Writer w, StoredVerdict v) throws IOException {
        if (v == null) {
            td(w, "无");
            return;
        }
        w.write("<td class=\"s-" + v.status().name() + "\">" + Html.esc(v.status().label() + "（" + v.year() + "年"
                + (observed(v.observedText(), v.observed()).isEmpty() ? "" : "，" + observed(v.observedText(), v.observed())) + "）")
                + "</td>");
    }

    private static void trend(BatchResult b, Writer w) throws IOException {
        w.write("<section id=\"trend\"><h2>趋势</h2>\n");
        boolean any = false;
        for (BatchResult.RegionResult r : b.regions()) {
            Trend.Moves moves = Trend.Moves.of(r.trend());
            if (moves.changed().isEmpty()) {
                if (moves.unchanged() > 0) {
                    w.write("<h3>" + Html.esc(r.key() + " " + SummaryContent.name(r)) + "</h3>\n<p class=\"note\">" + moves.unchanged()
                            + " 项观测值与上次相同，未列出。</p>\n");
                    any = true;
                }
                continue;
            }
            any = true;
            List<SummaryContent.TrendRun> runs = SummaryContent.last(SummaryContent.runs(r), BatchSummaryXlsx.TREND_RUNS);
            Map<Long, Integer> column = new HashMap<>();
            for (int i = 0; i < runs.size(); i++) column.put(runs.get(i).runId(), i);
            w.write("<h3>" + Html.esc(r.key() + " " + SummaryContent.name(r)) + "</h3>\n");
            if (runs.size() < SummaryContent.runs(r).size()) {
                w.write("<p class=\"note\">只列出最近 " + runs.size() + " 次运行；全部见 batch-summary.json。</p>\n");
            }
            w.write("<table class=\"trend\" data-region=\"" + Html.esc(r.key()) + "\"><thead><tr><th>指标</th><th>指标名称</th><th>单位代码</th><th>单位</th>");
            for (SummaryContent.TrendRun run : runs) w.write("<th>" + Html.esc(run.label()) + "</th>");
            w.write("</tr></thead>\n<tbody>\n");
            List<Trend> trend = moves.changed();
            for (Trend t : trend.subList(0, Math.min(TREND_LIMIT, trend.size()))) {
                w.write("<tr>");
                td(w, t.indicator());
                td(w, t.name());
                td(w, t.entityCode());
                td(w, t.subject());
                Trend.Point[] cells = new Trend.Point[runs.size()];
                for (Trend.Point p : t.points()) {
                    Integer i = column.get(p.runId());
                    if (i != null) cells[i] = p;
                }
                for (Trend.Point p : cells) {
                    if (p == null) {
                        w.write("<td></td>");
                        continue;
                    }
                    w.write("<td class=\"n s-" + Html.esc(p.status()) + "\" title=\"" + Html.esc(SummaryContent.statusLabel(p.status())) + "\">"
                            + Html.esc(observed(p.observedText(), p.observed())) + "</td>");
                }
                w.write("</tr>\n");
            }
            w.write("</tbody></table>\n");
            if (trend.size() > TREND_LIMIT) {
                w.write("<p class=\"note\">有变化的共 " + trend.size() + " 条，此处列出前 " + TREND_LIMIT + " 条；全部见 batch-summary.xlsx 的“趋势”表。</p>\n");
            }
            if (moves.unchanged() > 0) w.write("<p class=\"note\">另有 " + moves.unchanged() + " 项观测值与上次相同，未列出。</p>\n");
        }
        if (!any) w.write("<p>没有可比较的观测值。</p>\n");
        w.write("</section>\n");
    }

    private static void problems(BatchResult b, Writer w) throws IOException {
        w.write("<section id=\"problems\"><h2>问题与重复</h2>\n");
        boolean regionProblems = b.regions().stream().anyMatch(r -> !r.problems().isEmpty());
        if (b.problems().isEmpty() && !regionProblems) {
            w.write("<p>没有无法使用的输入。</p>\n");
        } else {
            w.write("<table id=\"problems-table\"><tr><th>文件或地区</th><th>原因</th></tr>\n");
            for (BatchResult.FileProblem p : b.problems()) w.write("<tr><td>" + Html.esc(p.file()) + "</td><td>" + Html.esc(p.reason()) + "</td></tr>\n");
            for (BatchResult.RegionResult r : b.regions()) {
                for (String p : r.problems()) {
                    w.write("<tr><td>" + Html.esc(r.key() + " " + SummaryContent.name(r)) + "</td><td>" + Html.esc(p) + "</td></tr>\n");
                }
            }
            w.write("</table>\n");
        }
        if (!b.duplicates().isEmpty()) {
            w.write("<table id=\"duplicates-table\"><tr><th>内容重复的工作簿（未重复核查）</th><th>与之相同</th></tr>\n");
            for (BatchResult.Duplicate d : b.duplicates()) w.write("<tr><td>" + Html.esc(d.file()) + "</td><td>" + Html.esc(d.sameAs()) + "</td></tr>\n");
            w.write("</table>\n");
        }
        w.write("</section>\n");
    }

    private static String observed(String text, BigDecimal value) {
        if (text != null && !text.isEmpty()) return text;
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static void td(Writer w, Object value) throws IOException {
        w.write("<td>" + Html.esc(value) + "</td>");
    }

    private static void num(Writer w, Object value) throws IOException {
        w.write("<td class=\"n\">" + Html.esc(value) + "</td>");
    }
}
