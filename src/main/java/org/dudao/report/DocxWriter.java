package org.dudao.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.math.BigInteger;

/**
 * Paragraphs and tables in the styles of {@link DocxStyles}. Every text goes through {@link Shown#clean}
 * (control and bidi characters written out visibly: they would break the XML or reorder the page);
 * names are cut by the caller.
 */
final class DocxWriter {
    private final XWPFDocument doc;

    DocxWriter(XWPFDocument doc) {
        this.doc = doc;
    }

    XWPFParagraph para(String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        if (text != null && !text.isEmpty()) p.createRun().setText(Shown.clean(text));
        return p;
    }

    /** A body paragraph (indented two characters). */
    XWPFParagraph para(String text) {
        return para(null, text);
    }

    void pageBreak() {
        doc.createParagraph().setPageBreak(true);
    }

    /**
     * A table across the text width with fixed columns ({@code widths} in parts of the whole), its header
     * row bold, centred and repeated on every page.
     */
    Table table(int[] widths, String... header) {
        XWPFTable t = doc.createTable(1, header.length);
        CTTblPr pr = t.getCTTbl().getTblPr();
        pr.addNewTblStyle().setVal("TableGrid");
        pr.getTblW().setType(STTblWidth.DXA);
        pr.getTblW().setW(BigInteger.valueOf(DocxStyles.TEXT_WIDTH));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        int total = 0;
        for (int w : widths) total += w;
        int[] twips = new int[widths.length];
        var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        for (int i = 0; i < widths.length; i++) {
            twips[i] = DocxStyles.TEXT_WIDTH * widths[i] / total;
            (i < grid.sizeOfGridColArray() ? grid.getGridColArray(i) : grid.addNewGridCol()).setW(BigInteger.valueOf(twips[i]));
        }
        Table table = new Table(t, twips);
        XWPFTableRow h = t.getRow(0);
        h.setRepeatHeader(true);
        h.setCantSplitRow(true);
        for (int i = 0; i < header.length; i++) table.fill(h.getCell(i), i, DocxStyles.TABLE_HEAD, header[i]);
        return table;
    }

    /** A table being written: rows of text cells; a unit's cell may span the rows under it. */
    static final class Table {
        private final XWPFTable table;
        private final int[] twips;

        private Table(XWPFTable table, int[] twips) {
            this.table = table;
            this.twips = twips;
        }

        /** A row of cells; {@code null} leaves a cell empty. */
        void row(String... cells) {
            XWPFTableRow r = table.createRow();
            r.setCantSplitRow(true);
            for (int i = 0; i < cells.length; i++) fill(r.getCell(i), i, DocxStyles.TABLE_TEXT, cells[i]);
        }

        /**
         * A row whose first cell continues the one above (a unit named once over its rows) when
         * {@code continued}; the other cells as {@link #row}.
         */
        void rowUnder(boolean continued, String... cells) {
            row(cells);
            XWPFTableRow r = table.getRow(table.getNumberOfRows() - 1);
            CTTcPr pr = tcPr(r.getCell(0));
            pr.addNewVMerge().setVal(continued ? STMerge.CONTINUE : STMerge.RESTART);
            if (continued) {
                XWPFParagraph p = r.getCell(0).getParagraphs().get(0);
                while (!p.getRuns().isEmpty()) p.removeRun(0);
            }
        }

        int rows() { return table.getNumberOfRows(); }

        private void fill(XWPFTableCell cell, int column, String style, String text) {
            CTTcPr pr = tcPr(cell);
            var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(twips[column]));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(style);
            if (text != null && !text.isEmpty()) p.createRun().setText(Shown.clean(text));
        }

        private static CTTcPr tcPr(XWPFTableCell cell) {
            return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        }
    }
}
