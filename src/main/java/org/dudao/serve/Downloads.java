package org.dudao.serve;

import io.javalin.http.Context;
import org.dudao.api.ReportFormat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's reports, found by the run's id and a format from a fixed list, never by a path from the
 * request: the file is the one {@link ReportFormat#fileName} names in the run's own folder. Sent as an
 * attachment with an RFC 6266/5987 file name (an ASCII fallback and the UTF-8 name), so 督导报告.docx
 * arrives under its Chinese name.
 */
final class Downloads {
    /** What the API serves, by the last segment of its URL, and the format it is. */
    static final Map<String, ReportFormat> FILES = new LinkedHashMap<>();
    private static final Map<String, String> TYPES = Map.of(
            "json", "application/json",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "html", "text/html; charset=utf-8",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    /** The report page inside the console's frame: its own script (by hash) runs, in a sandbox of its own origin. */
    static final String REPORT_CSP_BASE = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
            + "base-uri 'none'; form-action 'none'; sandbox allow-scripts; script-src ";

    static {
        for (ReportFormat f : ReportFormat.all()) FILES.put("report." + f.id(), f);
    }

    private Downloads() {}

    /** {@code /api/runs/{id}/report.<format>}: 404 for an unknown run or file, 409 while the run is not done. */
    static void report(Console console, Context ctx, String file, boolean attachment) throws IOException {
        RunState r = Runs.visible(console, ctx, ctx.pathParam("id"));
        ReportFormat format = FILES.get(file);
        if (format == null) throw HttpError.notFound("没有这种报告：" + file + "（有：" + String.join("、", FILES.keySet()) + "）");
        ready(r);
        Path path = console.runs().folder(r.id).resolve(format.fileName());
        String name = "dudao-" + r.id + "-" + format.fileName();
        send(ctx, path, TYPES.get(format.id()), attachment ? name : null);
    }

    /** {@code /api/runs/{id}/regions/{n}}: the n-th region's docx, as the run recorded it. */
    static void regionReport(Console console, Context ctx, boolean inline) throws IOException {
        RunState r = Runs.visible(console, ctx, ctx.pathParam("id"));
        ready(r);
        int n;
        try {
            n = Integer.parseInt(ctx.pathParam("n").replaceFirst("\\.docx$", ""));
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > r.regionReports.size()) throw HttpError.notFound("第 " + r.id + " 次运行没有第 " + ctx.pathParam("n") + " 份地区报告");
        String name = r.regionReports.get(n - 1);
        Path dir = console.runs().folder(r.id).resolve(RunJob.REGIONS).toAbsolutePath().normalize();
        Path path = dir.resolve(name).normalize();
        if (!dir.equals(path.getParent())) throw HttpError.notFound("报告文件名有误");
        send(ctx, path, TYPES.get("docx"), inline ? null : name);
    }

    private static void ready(RunState r) {
        if (r.state != RunState.State.DONE) {
            throw new HttpError(409, "第 " + r.id + " 次运行" + r.state.label() + "，没有报告" + (r.state.finished() ? "" : "；请在运行完成后下载"));
        }
    }

    private static void send(Context ctx, Path path, String type, String attachmentName) throws IOException {
        if (!Files.isRegularFile(path)) throw HttpError.notFound("报告文件不在了：" + path.getFileName());
        ctx.contentType(type);
        if (attachmentName != null) ctx.header("Content-Disposition", contentDisposition(attachmentName));
        InputStream in = Files.newInputStream(path);
        ctx.result(in);
    }

    /** {@code attachment; filename="____.docx"; filename*=UTF-8''%E7%9D%A3…}: RFC 6266 with an RFC 5987 encoded name. */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
