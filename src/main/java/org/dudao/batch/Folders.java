package org.dudao.batch;

import org.dudao.util.Sha256;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The folder of a run inside the output folder. Names come from workbooks (region codes and names,
 * file names), so they are reduced to letters, digits, {@code - _ .} and CJK characters; whatever
 * went in, the folder is a direct child of its parent: no {@code ..}, no separators, no leading dot.
 */
public final class Folders {
    private static final int MAX_LENGTH = 80;
    /** Room under a file system's 255 bytes for the "-" and short hash a changed name gets. */
    private static final int MAX_BYTES = 200;

    private Folders() {}

    /** {@code <parent>/<code>_<name>}, made safe; a key that had to be changed gets a short hash so two keys never meet. */
    public static Path runFolder(Path parent, String key, String name) {
        String raw = name == null || name.equals(key) ? key : key + "_" + name;
        String safe = sanitise(raw);
        if (!safe.equals(raw)) safe = safe + "-" + shortHash(key);
        Path base = parent.toAbsolutePath().normalize();
        Path dir = base.resolve(safe).normalize();
        if (!dir.getParent().equals(base)) throw new IllegalStateException("unsafe folder name: " + raw);
        return dir;
    }

    /** {@code <parent>/<code>_<file name without extension>-<hash of the key>}: files of the same name in two folders stay apart. */
    public static Path fileRunFolder(Path parent, String key, String code, String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String safe = sanitise(code + "_" + stem) + "-" + shortHash(key);
        Path base = parent.toAbsolutePath().normalize();
        Path dir = base.resolve(safe).normalize();
        if (!dir.getParent().equals(base)) throw new IllegalStateException("unsafe folder name: " + safe);
        return dir;
    }

    /**
     * The charset file names are encoded in: under a POSIX locale (cron's default) Java cannot create
     * a file named in Chinese, so such characters are replaced there too (and the name gets its hash).
     */
    private static final CharsetEncoder FILE_NAMES = fileNameCharset().newEncoder();

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static synchronized String sanitise(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean ok = (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.')
                    && (cp < 128 || FILE_NAMES.canEncode(new String(Character.toChars(cp))));
            b.appendCodePoint(ok ? cp : '_');
        });
        String r = b.toString().replaceAll("_{2,}", "_");
        while (r.startsWith(".")) r = r.substring(1);
        if (r.length() > MAX_LENGTH) r = r.substring(0, r.offsetByCodePoints(0, Math.min(MAX_LENGTH, r.codePointCount(0, r.length()))));
        // 80 characters outside the BMP are 320 bytes: more than a file system takes for a name (255)
        while (r.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) r = r.substring(0, r.offsetByCodePoints(r.length(), -1));
        if (r.isEmpty() || r.equals(".") || r.equals("..")) r = "_";
        return r;
    }

    private static String shortHash(String s) {
        return Sha256.of(s).substring(0, 8);
    }
}
