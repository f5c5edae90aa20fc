package org.dudao.serve;

import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;
import org.dudao.model.Waiver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The waivers (豁免) the next run will apply, as of today: in force, expiring within
 * {@value #SOON_DAYS} days, or expired; and the files they come from. A file that cannot be read
 * gives its messages instead (file and line), as a run would.
 */
public record WaiverList(String asOf, List<String> files, List<Row> waivers, List<String> problems) {
    static final int SOON_DAYS = 30;

    /** A waiver with its state today (its date as text: the JSON has no date type). */
    public record Row(String indicator, String entity, int year, String reason, String approver, String expires, String origin,
                      String state) {
        static Row of(Waiver w, String state) {
            return new Row(w.indicator(), w.entity(), w.year(), w.reason(), w.approver(), w.expires().toString(), w.origin(), state);
        }

        public String stateClass() {
            return switch (state) {
                case "已过期" -> "s-FAIL";
                case "即将到期" -> "s-WARN";
                default -> "s-PASS";
            };
        }
    }

    static WaiverList of(Console console) {
        LocalDate today = LocalDate.now();
        List<String> files = console.waiverFiles().stream().map(Path::toString).toList();
        try {
            List<Row> rows = console.waivers().all().stream()
                    .sorted(Comparator.comparing(Waiver::expires))
                    .map(w -> Row.of(w, !w.activeOn(today) ? "已过期" : w.expires().isBefore(today.plusDays(SOON_DAYS)) ? "即将到期" : "生效"))
                    .toList();
            return new WaiverList(today.toString(), files, rows, List.of());
        } catch (RuleCompileException e) {
            return new WaiverList(today.toString(), files, List.of(), e.messages().stream().map(RuleMessage::toString).toList());
        }
    }
}
