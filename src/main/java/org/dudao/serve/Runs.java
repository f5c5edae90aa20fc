package org.dudao.serve;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting a run from an upload (the API's and the upload page's), and finding a run the user may see. */
final class Runs {
    private Runs() {}

    /** Stores the upload, records the run and queues it; 400/413/415 for a bad upload, 429 when the queue is full. */
    static RunState create(Console console, Context ctx, User user) throws IOException {
        Integer year = year(ctx.formParam("year"));
        RunStore store = console.runs();
        long id = store.allocate();
        List<RunState.Input> inputs;
        try {
            List<UploadedFile> files = ctx.uploadedFiles("workbooks");
            inputs = Uploads.store(files, store.folder(id).resolve("inputs"));
        } catch (Uploads.Refused e) {
            store.discard(id);
            throw new HttpError(e.status, e.getMessage());
        } catch (RuntimeException | IOException e) {
            store.discard(id);
            throw e;
        }
        RunState s = new RunState();
        s.id = id;
        s.state = RunState.State.QUEUED;
        s.stage = RunState.State.QUEUED.label();
        s.user = user.name();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        s.year = year;
        s.inputs = inputs;
        s.rulesSha256 = console.rules().sha256();
        store.put(s);
        if (!console.start(id, user)) {
            store.discard(id);
            console.logs().event("run-refused", user.name(), Map.of("reason", "queue full"));
            throw new HttpError(429, "排队的运行已满（同时运行 " + console.queue().jobs() + " 个，排队 " + console.queue().capacity()
                    + " 个），请稍后再试");
        }
        return s;
    }

    private static Integer year(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            int y = Integer.parseInt(text.strip());
            if (y >= 1949 && y <= 2200) return y;
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new HttpError(400, "年度“" + text + "”应为四位数字的年份，如 2024；不填则评估数据中最新的年度");
    }

    /** The run, when it exists and the user may see it (404 otherwise: a run the user may not see is not there for them). */
    static RunState visible(Console console, Context ctx, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw HttpError.notFound("没有第 " + idText + " 次运行");
        }
        User user = ctx.attribute(ConsoleServer.USER);
        Optional<RunState> run = console.runs().get(id).filter(r -> canSee(user, r));
        return run.orElseThrow(() -> HttpError.notFound("没有第 " + id + " 次运行"));
    }

    /** A user sees the runs they started, and those of regions within their own. */
    static boolean canSee(User user, RunState r) {
        return user != null && (user.unrestricted() || user.name().equals(r.user) || r.regionKey != null && user.covers(r.regionKey));
    }
}
