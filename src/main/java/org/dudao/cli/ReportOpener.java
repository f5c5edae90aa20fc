package org.dudao.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code evaluate --open}: the report a person reads first, opened with the desktop's default
 * application (java.awt.Desktop where it works, else xdg-open, open or start). Opening is a courtesy:
 * it never changes how the run ends.
 */
final class ReportOpener {
    /** The order a person would open the reports in: the page, the Word draft, the workbook, the data. */
    private static final List<String> PREFERRED = List.of(".html", ".docx", ".xlsx", ".json");

    private ReportOpener() {}

    /** The report to open first among those written. */
    static Optional<Path> first(List<Path> written) {
        return written.stream().filter(p -> rank(p) < PREFERRED.size()).min(Comparator.comparingInt(ReportOpener::rank));
    }

    private static int rank(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (int i = 0; i < PREFERRED.size(); i++) if (name.endsWith(PREFERRED.get(i))) return i;
        return PREFERRED.size();
    }

    /** Opens the file; returns what to tell the user (in Chinese), whether it worked or not. */
    static String open(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(abs.toFile());
                return "已用默认程序打开：" + abs;
            }
            List<String> command = command(System.getProperty("os.name"), abs);
            Process p;
            try {
                p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return "无法自动打开报告（没有找到 " + command.get(0) + "），请手动打开：" + abs;
            }
            // xdg-open, open and start hand the file on and return; one that does not is left running
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0) return "无法自动打开报告（没有可用的默认程序），请手动打开：" + abs;
            return "已用默认程序打开：" + abs;
        } catch (IOException | RuntimeException e) {
            return "无法自动打开报告（" + e.getMessage() + "），请手动打开：" + abs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "请手动打开：" + abs;
        }
    }

    /** The desktop's own opener for the operating system. */
    static List<String> command(String osName, Path file) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) return List.of("cmd", "/c", "start", "\"\"", file.toString());
        if (os.startsWith("mac")) return List.of("open", file.toString());
        return List.of("xdg-open", file.toString());
    }
}
