package org.dudao.engine;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dudao.load.CsvText;
import org.dudao.load.Text;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.model.Waiver;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waivers (豁免) read from CSV files ({@code rules/waivers.csv}, or {@code --waivers FILE}) with the
 * columns 指标,单位代码,年度,理由,批准人,有效期至, and applied to a run's verdicts. A waiver is an
 * administrative decision laid over the rules' findings, not a rule: it never changes what a rule
 * found, only how a failure is counted, and every report shows it with its reason.
 */
public final class Waivers {
    public static final String FILE_NAME = "waivers.csv";
    private static final List<String> COLUMNS = List.of("指标", "单位代码", "年度", "理由", "批准人", "有效期至");

    private final List<Waiver> all;

    private Waivers(List<Waiver> all) { this.all = List.copyOf(all); }

    public static Waivers none() { return new Waivers(List.of()); }

    public List<Waiver> all() { return all; }

    /** Reads the files given; each malformed line is a {@link RuleMessage} with file and line. */
    public static Waivers read(List<Path> files) throws RuleCompileException {
        List<Waiver> waivers = new ArrayList<>();
        List<RuleMessage> errors = new ArrayList<>();
        for (Path f : files) read(f, waivers, errors);
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        return new Waivers(waivers);
    }

    private static void read(Path file, List<Waiver> out, List<RuleMessage> errors) {
        String shown = file.toString();
        try {
            // saved from Excel on a Chinese Windows a waivers file is GBK: the loader's detection reads it as written
            String text = CsvText.read(file);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setTrim(true).setCommentMarker('#').build();
            var parser = format.parse(new StringReader(text));
            Map<String, String> header = new HashMap<>();
            for (String h : parser.getHeaderNames()) header.put(Text.normalize(h), h);
            List<String> absent = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
            if (!absent.isEmpty()) {
                errors.add(new RuleMessage(shown, 1, 1, "豁免文件缺少列：" + String.join("、", absent) + "（应有：" + String.join(",", COLUMNS) + "）"));
                return;
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord r : parser) {
                int line = CsvText.line(text, r);
                String where = shown + ":" + line;
                List<String> missing = COLUMNS.stream().filter(c -> !r.isSet(header.get(c))).toList();
                if (!missing.isEmpty()) {
                    errors.add(new RuleMessage(shown, line, r.size() + 1, "这一行只有 " + r.size() + " 列，缺少“" + String.join("”“", missing)
                            + "”（应有：" + String.join(",", COLUMNS) + "）"));
                    continue;
                }
                String indicator = r.get(header.get("指标"));
                String entity = Text.normalize(r.get(header.get("单位代码")));
                String yearText = Text.normalize(r.get(header.get("年度"))).replace("年", "");
                String reason = r.get(header.get("理由"));
                String approver = r.get(header.get("批准人"));
                String expiresText = Text.normalize(r.get(header.get("有效期至")));
                int year;
                LocalDate expires;
                try {
                    year = Integer.parseInt(yearText);
                } catch (NumberFormatException e) {
                    errors.add(new RuleMessage(shown, line, 3, "年度“" + yearText + "”无法识别"));
                    continue;
                }
                try {
                    expires = LocalDate.parse(expiresText.replace('/', '-').replace('.', '-'));
                } catch (DateTimeParseException e) {
                    errors.add(new RuleMessage(shown, line, 6, "有效期至“" + expiresText + "”应为日期，如 2025-12-31"));
                    continue;
                }
                if (indicator.isBlank() || entity.isBlank() || reason.isBlank() || approver.isBlank()) {
                    errors.add(new RuleMessage(shown, line, 1, "豁免须写明指标、单位代码、理由和批准人"));
                    continue;
                }
                if (!seen.add(indicator + "|" + entity + "|" + year)) {
                    errors.add(new RuleMessage(shown, line, 1, "同一指标、单位和年度的豁免重复：" + indicator + " " + entity + " " + year));
                    continue;
                }
                out.add(new Waiver(indicator.strip(), entity, year, reason.strip(), approver.strip(), expires, where));
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            errors.add(new RuleMessage(shown, 0, 0, "无法读取豁免文件：" + e.getMessage()));
        }
    }

    /**
     * Applies the waivers as of a day, block by block as a run's partitions finish: a failure with an
     * active waiver becomes WAIVED; one whose waiver has expired stays FAIL and says so. The applier
     * remembers which waivers were used, so one that found no failure can be noted at the end.
     */
    public Applier applier(LocalDate asOf) {
        return new Applier(asOf);
    }

    public final class Applier {
        private final LocalDate asOf;
        private final Map<String, Waiver> byKey = new HashMap<>();
        private final Set<Waiver> used = ConcurrentHashMap.newKeySet();

        private Applier(LocalDate asOf) {
            this.asOf = asOf;
            for (Waiver w : all) byKey.put(w.indicator() + "|" + w.entity() + "|" + w.year(), w);
        }

        /** The verdicts with the waivers applied; safe to call from several threads. */
        public List<Verdict> apply(List<Verdict> verdicts) {
            if (byKey.isEmpty()) return verdicts;
            List<Verdict> out = new ArrayList<>(verdicts.size());
            for (Verdict v : verdicts) {
                Waiver w = v.getStatus() != Status.FAIL ? null : byKey.get(v.getIndicator() + "|" + v.getEntityCode() + "|" + v.getYear());
                if (w == null) {
                    out.add(v);
                    continue;
                }
                used.add(w);
                out.add(w.activeOn(asOf) ? v.waived(w) : v.withExpiredWaiver(w));
            }
            return out;
        }

        /** The waivers of {@code year} that matched no failure in what was applied so far. */
        public List<String> notes(int year) {
            List<String> notes = new ArrayList<>();
            for (Waiver w : all) {
                if (!used.contains(w) && w.year() == year) {
                    notes.add("豁免未用上（" + w.origin() + "）：" + w.indicator() + " " + w.entity() + " " + w.year() + "年没有不达标的结论");
                }
            }
            return notes;
        }
    }
}
