package org.dudao.serve;

import io.javalin.http.UploadedFile;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the workbooks of an upload in a folder, each as {@code <sha256>.<type>} with its type told
 * by content ({@link UploadType}); the name the browser gave is kept only as text, never as a path.
 */
final class Uploads {
    /** An upload the console refuses, with the HTTP status and the reason in Chinese. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Uploads() {}

    static List<RunState.Input> store(List<UploadedFile> files, Path dir) throws Refused, IOException {
        if (files.isEmpty()) throw new Refused(400, "没有收到工作簿：请在表单字段 workbooks 中上传一个或多个 .xlsx/.xls/.csv 文件");
        Files.createDirectories(dir);
        List<RunState.Input> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (UploadedFile f : files) {
            String name = displayName(f.filename());
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                try (InputStream in = f.content()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                String sha = Sha256.of(tmp);
                UploadType type;
                try {
                    type = UploadType.of(tmp);
                } catch (UploadType.Refused e) {
                    throw new Refused(415, "“" + name + "”：" + e.getMessage());
                }
                String earlier = seen.putIfAbsent(sha, name);
                if (earlier != null) throw new Refused(400, "同一文件上传了两次：“" + earlier + "”与“" + name + "”内容相同");
                String stored = sha + "." + type.extension();
                Files.move(tmp, dir.resolve(stored), StandardCopyOption.REPLACE_EXISTING);
                RunState.Input in = new RunState.Input();
                in.name = name;
                in.type = type.extension();
                in.sha256 = sha;
                in.bytes = Files.size(dir.resolve(stored));
                in.stored = dir.getFileName() + "/" + stored;
                out.add(in);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return out;
    }

    /** The browser's file name as text to show: the last path segment, control characters dropped, at most 200 characters. */
    static String displayName(String raw) {
        String s = raw == null ? "" : raw;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = s.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString().strip();
        if (s.length() > 200) s = s.substring(0, 200);
        return s.isEmpty() ? "未命名" : s;
    }
}
