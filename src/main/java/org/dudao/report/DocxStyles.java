package org.dudao.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.math.BigInteger;

/**
 * The paragraph styles of 督导报告.docx, created in the document under Word's own ids and names
 * (Title, Heading1 "heading 1", Heading2 "heading 2") with outline levels, so Word lists them as its
 * built-in headings: the navigation pane and a table of contents work, and a team restyles them in one place.
 */
final class DocxStyles {
    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";

    private DocxStyles() {}

    static void create(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.addStyle(style(TITLE, "Title", null, 36, "黑体"));
        styles.addStyle(style(HEADING_1, "heading 1", 0, 32, "黑体"));
        styles.addStyle(style(HEADING_2, "heading 2", 1, 28, "楷体"));
    }

    /** A paragraph style based on Normal; {@code halfPoints} is the font size in half points, as Word stores it. */
    private static XWPFStyle style(String id, String name, Integer outline, int halfPoints, String eastAsianFont) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewNext().setVal("Normal");
        s.addNewUiPriority().setVal(BigInteger.valueOf(outline == null ? 10 : 9));
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewKeepNext();
        p.addNewSpacing().setBefore(BigInteger.valueOf(240));
        p.getSpacing().setAfter(BigInteger.valueOf(120));
        if (outline != null) p.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        else p.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
        CTRPr r = s.addNewRPr();
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        CTFonts f = r.addNewRFonts();
        f.setEastAsia(eastAsianFont);
        return new XWPFStyle(s);
    }
}
