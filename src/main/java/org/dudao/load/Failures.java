package org.dudao.load;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what POI and the XML parsers throw at a damaged or hostile file into one Chinese sentence a
 * statistician can act on. The exception texts are English and vary between POI versions, so they
 * are matched loosely along the whole cause chain; anything unrecognised is "damaged", with POI's
 * first line in brackets for whoever has to look further.
 */
final class Failures {
    static final String PASSWORD = "工作簿有密码保护（已加密）：请在 Excel 中去除密码后再提交";
    static final String ZIP_BOMB = "工作簿内容解压后异常膨胀（疑似“压缩炸弹”，压缩比超过 1:"
            + Math.round(1 / ZipLimits.MIN_INFLATE_RATIO) + " 或单个部件超过 " + (ZipLimits.MAX_ENTRY_SIZE >> 20)
            + " MB）：出于安全原因拒绝读取";
    static final String XML_ENTITIES = "工作簿的 XML 含有 DOCTYPE 或实体声明（可能是外部实体或“实体膨胀”攻击）：出于安全原因拒绝读取";
    static final String OLD_EXCEL = "这是 Excel 95 或更早版本的旧格式，无法读取：请在 Excel 中另存为 .xlsx";
    static final String TOO_LARGE = "工作簿过大，读取时内存不足：请拆分为多个较小的工作簿，或增大 Java 内存（-Xmx）后重试";

    private Failures() {}

    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) return TOO_LARGE;
        StringBuilder all = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) return PASSWORD;
            if (t instanceof OutOfMemoryError) return TOO_LARGE;
            if (t instanceof OldExcelFormatException) return OLD_EXCEL;
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        String why = all.toString().toLowerCase(Locale.ROOT);
        if (why.contains("zip bomb") || why.contains("max entry size") || why.contains("maxentrysize")
                || why.contains("max file count") || why.contains("exceeds the max")) {
            return ZIP_BOMB;
        }
        if (why.contains("doctype") || why.contains("entity") || why.contains("entities")) return XML_ENTITIES;
        if (why.contains("password") || why.contains("encrypted")) return PASSWORD;
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "工作簿已损坏或格式不正确，无法读取（" + firstLine(first) + "）";
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
