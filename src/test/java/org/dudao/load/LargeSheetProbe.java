package org.dudao.load;

import org.dudao.model.SheetTally;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads one workbook in a JVM of its own (started by {@link LargeSheetTest} with a small heap) and
 * prints what came of it, one {@code key=value} a line.
 */
public final class LargeSheetProbe {
    private LargeSheetProbe() {}

    public static void main(String[] args) throws Exception {
        WorkbookLoader.Result r = new WorkbookLoader(MetricDictionary.read(Path.of("rules/metrics.csv"))).load(List.of(Path.of(args[0])));
        for (WorkbookException e : r.unreadable()) System.out.println("unreadable=" + e.getMessage());
        for (SheetTally t : r.dataset().sheets()) {
            System.out.println("tally=" + t.getRead() + "/" + t.getAccepted() + "/" + t.getSkipped() + "/" + t.getRejected() + "/" + t.getBlank());
        }
        System.out.println("problems=" + r.dataset().problems().size());
        r.dataset().problems().stream().limit(3).forEach(p -> System.out.println("problem=" + p.describe()));
        System.out.println("metrics=" + r.dataset().metrics().size());
        r.dataset().metrics().stream().reduce((a, b) -> b).ifPresent(m -> System.out.println("last=" + m.getEntityCode() + " "
                + m.getKey() + " " + m.getValue().stripTrailingZeros().toPlainString() + " " + m.getOrigin().getCell()));
        System.out.println("entities=" + r.dataset().entities().size());
    }
}
