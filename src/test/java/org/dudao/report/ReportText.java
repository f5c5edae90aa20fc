package org.dudao.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a report in each format, as a person reads it: for the golden-document files (one line
 * per paragraph, table row, sheet row or page block, so that a wording change is a one-line diff) and
 * for the checks that grep every format (each paragraph, cell and attribute on its own, without the
 * separators the golden files add).
 */
final class ReportText {
    private static final DataFormatter FMT = new DataFormatter();

    /** One format's text: the lines of its golden file and the separate texts a grep looks at. */
    record Text(List<String> lines, List<String> pieces) {
        String golden() { return String.join("\n", lines) + "\n"; }
    }

    private ReportText() {}

    static byte[] docxBytes(ReportView view) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocxReport.write(view, DocxReport.scopeName(view), out);
        return out.toByteArray();
    }

    static byte[] xlsxBytes(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport.write(report, out);
        return out.toByteArray();
    }

    static String html(ReportView view) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(view, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Paragraphs as {@code [Style] text}, table rows as {@code | a | b |}, in document order. */
    static Text docx(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    if (p.getText().isEmpty()) continue;
                    lines.add("[" + (p.getStyle() == null ? "Normal" : p.getStyle()) + "] " + p.getText());
                    pieces.add(p.getText());
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow r : t.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell c : r.getTableCells()) {
                            cells.add(c.getText());
                            pieces.add(c.getText());
                        }
                        lines.add("| " + String.join(" | ", cells) + " |");
                    }
                    lines.add("");
                }
            }
        }
        return new Text(lines, pieces);
    }

    /** Each sheet under {@code == name ==}, each row as {@code 3: a | b}; a number as {@code «shown»} (numeric, formatted). */
    static Text xlsx(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet s : wb) {
                lines.add("== " + s.getSheetName() + " ==");
                pieces.add(s.getSheetName());
                for (Row r : s) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < r.getLastCellNum(); c++) {
                        Cell cell = r.getCell(c);
                        String shown = cell == null ? "" : FMT.formatCellValue(cell);
                        if (cell != null) pieces.add(shown);
                        cells.add(cell != null && cell.getCellType() == CellType.NUMERIC ? "«" + shown + "»" : shown);
                    }
                    lines.add((r.getRowNum() + 1) + ": " + String.join(" | ", cells));
                }
            }
        }
        return new Text(lines, pieces);
    }

    /** Headings, paragraphs, list items, table rows and summaries, one per line, in page order; attributes a reader sees (title) as pieces too. */
    static Text html(String page) {
        Document doc = Jsoup.parse(page);
        List<String> lines = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        lines.add("<title> " + doc.title());
        pieces.add(doc.title());
        for (Element e : doc.body().select("h1, h2, p, li, tr, summary, .figure, label")) {
            String text = switch (e.tagName()) {
                case "tr" -> "| " + String.join(" | ", e.children().eachText()) + " |";
                case "label" -> e.ownText();
                default -> e.text();
            };
            lines.add(e.tagName() + ": " + text);
            if (e.tagName().equals("tr")) pieces.addAll(e.children().eachText());
            else pieces.add(text);
        }
        for (Element e : doc.select("[title]")) pieces.add(e.attr("title"));
        return new Text(lines, pieces);
    }
}
