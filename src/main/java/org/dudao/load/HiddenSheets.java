package org.dudao.load;

import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The sheets of an {@code .xlsx} that Excel does not show ({@code state="hidden"} or {@code "veryHidden"} in
 * workbook.xml). Their data is read like any other, but a person checking the workbook in Excel would not
 * see it, so the load summary says so.
 */
final class HiddenSheets {
    private HiddenSheets() {}

    /** The hidden sheets by name, each with whether it is very hidden. */
    static Map<String, Boolean> of(XSSFReader reader) throws Exception {
        Map<String, Boolean> hidden = new HashMap<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = WorkbookXml.newReader();
            xml.setErrorHandler(new DefaultHandler());
            xml.setContentHandler(new DefaultHandler() {
                @Override public void startElement(String uri, String local, String q, Attributes a) {
                    if (!"sheet".equals(local)) return;
                    String state = a.getValue("state");
                    if (("hidden".equals(state) || "veryHidden".equals(state)) && a.getValue("name") != null) {
                        hidden.put(a.getValue("name"), "veryHidden".equals(state));
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return hidden;
    }

    /** The notice for a hidden sheet whose rows were taken. */
    static String notice(String sheet, boolean veryHidden, int accepted) {
        return "工作表“" + sheet + "”是" + (veryHidden ? "深度隐藏（veryHidden，Excel 中无法直接取消隐藏）" : "隐藏")
                + "的，其数据已使用（采用 " + accepted + " 行）：请确认这些数据应当计入";
    }
}
