package org.dudao.load;

import org.apache.poi.poifs.filesystem.DirectoryNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file given as a workbook really is, told by its content rather than its name: a Word or
 * PowerPoint document, an OpenDocument file or a plain zip archive (all of which begin as a zip or an OLE2
 * container, as a workbook does) is named as such, so the sender knows what to send instead.
 */
final class InputKind {
    static final String NOT_STATISTICS = "不是统计报表工作簿";
    private static final String SEND = "请提交 Excel 工作簿（.xlsx/.xls）或 CSV 文件";
    /** Entries looked at in a zip: enough for any Office file, and a bound on a hostile one. */
    private static final int MAX_ENTRIES = 10_000;

    private InputKind() {}

    /** An OLE2 container without a workbook stream: a .doc, a .ppt, or another Office file. */
    static String ole2(DirectoryNode root) {
        if (root.hasEntryCaseInsensitive("WordDocument")) return "这是 Word 文档（.doc），" + NOT_STATISTICS + "：" + SEND;
        if (root.hasEntryCaseInsensitive("PowerPoint Document")) return "这是 PowerPoint 演示文稿（.ppt），" + NOT_STATISTICS + "：" + SEND;
        return "不是 Excel 工作簿：这是其他 Office 文档，其中没有工作表：" + SEND;
    }

    /**
     * A zip that holds no spreadsheet: what it is instead; null for a workbook (or a zip that cannot be
     * listed, which the workbook reader then reports as damaged).
     */
    static String zip(Path file) {
        for (Charset names : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            try (ZipFile zip = new ZipFile(file.toFile(), names)) {
                return zip(zip);
            } catch (IOException | RuntimeException e) {
                // names in the archive not UTF-8 (Windows' zip writes the local code page): try GBK; else let the reader say
            }
        }
        return null;
    }

    private static String zip(ZipFile zip) throws IOException {
        boolean contentTypes = false, word = false, powerPoint = false;
        List<String> workbooks = new ArrayList<>();
        int n = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && n < MAX_ENTRIES; n++) {
            String name = e.nextElement().getName();
            if (name.startsWith("xl/")) return null;
            if (name.equals("[Content_Types].xml")) contentTypes = true;
            else if (name.startsWith("word/")) word = true;
            else if (name.startsWith("ppt/")) powerPoint = true;
            String lower = name.toLowerCase(Locale.ROOT);
            if (workbooks.size() < 5 && (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv"))) workbooks.add(name);
        }
        if (word) return "这是 Word 文档（.docx），" + NOT_STATISTICS + "：" + SEND;
        if (powerPoint) return "这是 PowerPoint 演示文稿（.pptx），" + NOT_STATISTICS + "：" + SEND;
        String openDocument = openDocument(zip);
        if (openDocument != null) return openDocument;
        if (contentTypes) return "这是 Office 文档，但其中没有工作表，" + NOT_STATISTICS + "：" + SEND;
        return "这是 ZIP 压缩包，" + NOT_STATISTICS + "：请解压后提交其中的工作簿"
                + (workbooks.isEmpty() ? "（包内没有 .xlsx、.xls 或 .csv 文件）" : "（包内有：" + String.join("、", workbooks) + "）");
    }

    /** An OpenDocument file names its type in its first entry, {@code mimetype}. */
    private static String openDocument(ZipFile zip) throws IOException {
        ZipEntry m = zip.getEntry("mimetype");
        if (m == null) return null;
        String type;
        try (InputStream in = zip.getInputStream(m)) {
            type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
        }
        if (type.equals("application/vnd.oasis.opendocument.spreadsheet")) {
            return "这是 OpenDocument 电子表格（.ods），无法直接读取：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx";
        }
        if (type.equals("application/vnd.oasis.opendocument.text")) return "这是 OpenDocument 文字文档（.odt），" + NOT_STATISTICS + "：" + SEND;
        return type.startsWith("application/vnd.oasis.opendocument") ? "这是 OpenDocument 文档，" + NOT_STATISTICS + "：" + SEND : null;
    }
}
