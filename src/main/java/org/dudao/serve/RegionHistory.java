package org.dudao.serve;

import io.javalin.http.Context;
import org.dudao.history.Changes;
import org.dudao.history.HistoryException;
import org.dudao.history.HistoryStore;
import org.dudao.history.StoredRun;
import org.dudao.history.Trend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's history as the console shows it, from the database {@code batch} writes too: its runs
 * (console and batch alike), what changed between its last two evaluated runs (新增不达标, 已整改, …),
 * and the indicators whose value or verdict moved, each with a small chart drawn as SVG (no script).
 */
public record RegionHistory(String key, String name, List<StoredRun> runs, Long latestRunId, Changes changes,
                            List<Trend> changed, int unchanged, List<Chart> charts) {
    /** Charts drawn; the other moving series are listed in report.json of the runs. */
    static final int CHARTS = 60;

    /** One point of a chart, in the chart's own coordinates, with what a tooltip says. */
    public record Dot(int x, int y, String status, String label) {}

    /** A series as a polyline of {@link #WIDTH}×{@link #HEIGHT}. */
    public record Chart(String title, String subject, String points, List<Dot> dots, String min, String max) {
        public static final int WIDTH = 320;
        public static final int HEIGHT = 90;
    }

    static RegionHistory of(Console console, Context ctx, String key) throws HistoryException {
        User user = ctx.attribute(ConsoleServer.USER);
        if (user == null || !user.covers(key)) throw HttpError.notFound("历史库中没有地区 " + key + " 的运行");
        HistoryStore history = console.history();
        List<StoredRun> runs = history.runsOfRegion(key);
        if (runs.isEmpty()) throw HttpError.notFound("历史库中没有地区 " + key + " 的运行");
        List<StoredRun> evaluated = runs.stream().filter(StoredRun::evaluated).toList();
        Changes changes = Changes.none();
        Long latest = null;
        if (!evaluated.isEmpty()) {
            StoredRun last = evaluated.get(evaluated.size() - 1);
            latest = last.id();
            if (evaluated.size() > 1) {
                StoredRun before = evaluated.get(evaluated.size() - 2);
                changes = Changes.between(before.id(), history.verdicts(before.id()), history.verdicts(last.id()));
            }
        }
        Trend.Moves moves = Trend.Moves.of(Trend.of(history.regionVerdicts(key)));
        List<Chart> charts = moves.changed().stream().limit(CHARTS).map(RegionHistory::chart).toList();
        String name = runs.get(runs.size() - 1).regionName();
        return new RegionHistory(key, name == null ? key : name, runs, latest, changes, moves.changed(), moves.unchanged(), charts);
    }

    static Chart chart(Trend t) {
        List<Trend.Point> pts = t.points().stream().filter(p -> p.observed() != null).toList();
        BigDecimal min = pts.stream().map(Trend.Point::observed).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal max = pts.stream().map(Trend.Point::observed).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        double span = max.subtract(min).doubleValue();
        int pad = 10;
        int n = pts.size();
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Trend.Point p = pts.get(i);
            int x = n == 1 ? Chart.WIDTH / 2 : pad + (int) Math.round(i * (Chart.WIDTH - 2.0 * pad) / (n - 1));
            double f = span == 0 ? 0.5 : p.observed().subtract(min).doubleValue() / span;
            int y = Chart.HEIGHT - pad - (int) Math.round(f * (Chart.HEIGHT - 2.0 * pad));
            dots.add(new Dot(x, y, p.status(), "第 " + p.runId() + " 次运行，" + p.year() + " 年：" + (p.observedText() == null
                    ? p.observed().toPlainString() : p.observedText())));
            line.append(i == 0 ? "" : " ").append(x).append(',').append(y);
        }
        return new Chart(t.indicator() + " " + (t.name() == null ? "" : t.name()), t.subject(), line.toString(), dots,
                min.stripTrailingZeros().toPlainString(), max.stripTrailingZeros().toPlainString());
    }
}
