package org.dudao.load;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalising the text of headers and cells as offices type them. */
public final class Text {
    private static final Pattern WITH_UNIT = Pattern.compile("^(.*?)\\(([^()]*)\\)$");

    private Text() {}

    /**
     * Full-width forms to half-width (（万元） to (万元), ２０２３ to 2023), all white space removed
     * (including no-break and ideographic spaces and line breaks), a leading required-field star dropped.
     */
    public static String normalize(String s) {
        if (s == null) return "";
        if (alreadyNormal(s)) return s;
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') continue;
            if (c == '【' || c == '〔') c = '(';
            if (c == '】' || c == '〕') c = ')';
            b.append(c);
        }
        while (b.length() > 0 && b.charAt(0) == '*') b.deleteCharAt(0);
        return b.toString();
    }

    /** The text with its white space (no-break, ideographic, zero-width, line breaks) removed and nothing else changed: a name as shown. */
    public static String withoutSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff') b.append(c);
        }
        return b.length() == s.length() ? s : b.toString();
    }

    /** A number typed as text ({@code 1,234.5}, {@code 85%} read as 85), or null when it is not one. */
    public static BigDecimal number(String raw) {
        return raw == null ? null : Values.parseNumber(raw).map(Values.Num::value).orElse(null);
    }

    /**
     * True when normalising would return the text unchanged: printable ASCII other than space, and
     * CJK unified ideographs (which NFKC leaves as they are), not starting with the required-field
     * star. The common case of codes, numbers and names, answered without running NFKC.
     */
    private static boolean alreadyNormal(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '*') return n == 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7f) continue;
            if (c >= 0x4e00 && c <= 0x9fff) continue;
            return false;
        }
        return true;
    }

    /** A header split into its name and the unit in trailing brackets: {@code 教育支出(万元)}. */
    public record Header(String name, String unit) {
        public static Header parse(String raw) {
            String n = normalize(raw);
            Matcher m = WITH_UNIT.matcher(n);
            if (m.matches() && !m.group(1).isEmpty()) return new Header(m.group(1), unit(m.group(2)));
            return new Header(n, null);
        }

        /** The unit when the header is nothing but a unit in brackets, （亿元）, as on a second header line. */
        public String unitOnly() {
            Matcher m = WITH_UNIT.matcher(name);
            return unit == null && m.matches() && m.group(1).isEmpty() && !m.group(2).isEmpty() ? unit(m.group(2)) : null;
        }

        /** {@code 单位:万元} is written for {@code 万元}. */
        private static String unit(String inBrackets) {
            return inBrackets.startsWith("单位:") ? inBrackets.substring("单位:".length()) : inBrackets;
        }
    }
}
