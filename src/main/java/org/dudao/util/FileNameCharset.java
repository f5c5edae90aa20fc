package org.dudao.util;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The charset Java encodes file names in ({@code sun.jnu.encoding}). On Linux it follows the process
 * locale, not {@code -Dfile.encoding}: under {@code LANG=C} it is ASCII, a Chinese name on the command
 * line arrives as U+FFFD replacement characters and cannot be opened, and a file cannot be given a
 * Chinese name. The launcher bin/dudao runs the JVM under a UTF-8 locale; this class lets a plain
 * {@code java -jar} under such a locale say so instead of failing with InvalidPathException.
 */
public final class FileNameCharset {
    private static final Charset CHARSET = charset(System.getProperty("sun.jnu.encoding"), System.getProperty("os.name"));

    private FileNameCharset() {}

    /** Windows names files in UTF-16 whatever the code page: any name fits there. */
    public static Charset charset(String name, String os) {
        if (name == null || (os != null && os.startsWith("Windows"))) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** True when a file can be named {@code name} here. */
    public static boolean fits(String name) {
        return fits(name, CHARSET);
    }

    public static boolean fits(String name, Charset charset) {
        return name.indexOf('\uFFFD') < 0 && charset.newEncoder().canEncode(name);
    }

    /** The Chinese explanation for a file name that does not fit, with the way out. */
    public static String hint(String name) {
        return "文件名“" + name + "”含有当前区域设置无法表示的字符（LANG/LC_ALL 为 " + locale() + "，Java 的文件名编码为 " + CHARSET
                + "）。请用安装包中的 bin/dudao 启动（它使用 UTF-8 区域设置），或先执行 export LC_ALL=C.UTF-8 再运行。";
    }

    private static String locale() {
        for (String v : new String[]{"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = System.getenv(v);
            if (value != null && !value.isEmpty()) return value;
        }
        return "未设置";
    }
}
