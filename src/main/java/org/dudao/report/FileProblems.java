package org.dudao.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A failure of the file system said in plain words with the file's absolute path, for the person who
 * reads a scheduled job's log: {@code 磁盘已满，无法写入 /srv/out/report.xlsx}, never
 * {@code java.nio.file.FileSystemException: …: No space left on device}.
 */
public final class FileProblems {
    private FileProblems() {}

    /** The problem in plain words; the file named by its absolute path where the exception names one. */
    public static String describe(Throwable t) {
        if (t instanceof RunFolder.Refused r) return r.getMessage();
        FileSystemException fs = null;
        IOException io = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException f && fs == null) fs = f;
            if (c instanceof IOException i && io == null) io = i;
        }
        if (fs == null) {
            String m = io != null ? io.getMessage() : t.getMessage();
            String why = reason(m);
            return why != null ? why : "读写文件失败：" + (m == null ? t.getClass().getSimpleName() : m);
        }
        String file = absolute(fs.getFile());
        String reason = fs.getReason();
        if (fs instanceof AccessDeniedException) return "没有权限写入或读取 " + file + "（目录只读，或当前用户无权访问）";
        if (fs instanceof NoSuchFileException) return "找不到 " + file + "（目录不存在或已被移走）";
        if (fs instanceof NotDirectoryException || fs instanceof FileAlreadyExistsException) {
            return "无法在 " + file + " 建立目录或文件：路径中有同名的文件或目录";
        }
        String why = reason(reason);
        if (why != null) return why + "：" + file;
        return "无法读写 " + file + (reason == null ? "" : "：" + reason);
    }

    /** An operating system's reason in plain words, or null when it is not one we know. */
    private static String reason(String message) {
        if (message == null) return null;
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("no space left") || m.contains("disk quota exceeded") || m.contains("not enough space")) return "磁盘已满，无法写入";
        if (m.contains("file name too long") || m.contains("filename too long")) return "文件名过长（超过文件系统允许的长度）";
        if (m.contains("read-only file system")) return "文件系统是只读的，无法写入";
        if (m.contains("permission denied") || m.contains("access is denied")) return "没有权限写入或读取";
        if (m.contains("operation not permitted")) return "系统不允许写入";
        if (m.contains("not a directory")) return "路径中有同名的文件，不是目录";
        return null;
    }

    private static String absolute(String file) {
        if (file == null) return "（未知文件）";
        try {
            return Path.of(file).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return file;
        }
    }

    /** True when the failure is the file system's (an {@link IOException} anywhere in the chain). */
    public static boolean isFileProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException || c instanceof UncheckedIOException) return true;
        }
        return false;
    }
}
