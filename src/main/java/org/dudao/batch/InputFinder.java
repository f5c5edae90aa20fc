package org.dudao.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns a batch's INPUT arguments into workbook files: a file is taken as given; a folder is searched
 * (recursively) for {@code .xlsx}, {@code .xls} and {@code .csv} files; an argument with {@code * ? [ {}
 * is a glob ({@code incoming/**}{@code /*.xlsx}) matched below its fixed leading folders. Hidden files,
 * Excel's lock files ({@code ~$…}) and everything under the batch's own output folder are skipped.
 * The same file reached twice is taken once.
 */
public final class InputFinder {
    private static final Set<String> EXTENSIONS = Set.of("xlsx", "xls", "csv");

    /** The files found, sorted, and the arguments that found nothing (with why, in Chinese). */
    public record Found(List<Path> files, List<Problem> problems) {}

    public record Problem(String input, String reason) {}

    private InputFinder() {}

    public static Found find(List<String> inputs, Path outDir) {
        return find(inputs, outDir, true);
    }

    /**
     * As {@link #find(List, Path)}; a folder is searched only at its top level unless {@code recursive}
     * (a glob with {@code **} still reaches into subfolders).
     */
    public static Found find(List<String> inputs, Path outDir, boolean recursive) {
        Path out = outDir.toAbsolutePath().normalize();
        Set<Path> seen = new LinkedHashSet<>();
        TreeSet<Path> files = new TreeSet<>();
        List<Problem> problems = new ArrayList<>();
        for (String input : inputs) {
            List<Path> found = new ArrayList<>();
            try {
                if (isGlob(input)) glob(portable(input, File.separatorChar), found);
                else {
                    Path p = Path.of(input);
                    if (Files.isDirectory(p)) walk(p, recursive ? Integer.MAX_VALUE : 1, null, found);
                    else if (Files.exists(p)) found.add(p);
                    else {
                        problems.add(new Problem(input, "输入不存在"));
                        continue;
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(input, "无法列出文件：" + e.getMessage()));
                continue;
            }
            int taken = 0;
            for (Path f : found) {
                Path abs = f.toAbsolutePath().normalize();
                if (abs.startsWith(out) && !Files.isRegularFile(Path.of(input))) continue;
                Path real;
                try {
                    real = f.toRealPath();
                } catch (IOException e) {
                    real = abs;
                }
                if (seen.add(real)) files.add(f.normalize());
                taken++;
            }
            if (taken == 0) problems.add(new Problem(input, "没有找到工作簿（.xlsx/.xls/.csv）"));
        }
        return new Found(List.copyOf(files), problems);
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static void glob(String pattern, List<Path> found) throws IOException {
        // The fixed leading folders: everything before the first segment with a glob character.
        String sep = pattern.contains("\\") && !pattern.contains("/") ? "\\\\" : "/";
        String[] parts = pattern.split(sep, -1);
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !isGlob(parts[i]); i++) base.append(parts[i]).append('/');
        Path root = base.length() == 0 ? Path.of(".") : Path.of(base.toString());
        if (!Files.isDirectory(root)) return;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        walk(root, Integer.MAX_VALUE, p -> m.matches(base.length() == 0 ? root.relativize(p) : p), found);
    }

    /**
     * The glob as the file system's matcher reads it: on Windows a backslash in a glob is an escape, while
     * cmd.exe users type {@code 数据\*.xlsx}; there a backslash cannot be part of a name, so it is a separator.
     */
    static String portable(String pattern, char separator) {
        return separator == '\\' ? pattern.replace('\\', '/') : pattern;
    }

    private static void walk(Path dir, int depth, Predicate<Path> accept, List<Path> found) throws IOException {
        try (Stream<Path> s = Files.walk(dir, depth, EnumSet.noneOf(FileVisitOption.class).toArray(FileVisitOption[]::new))) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(p -> accept == null ? isWorkbook(p) : accept.test(p) && isWorkbook(p))
                    .forEach(found::add);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("~$")) return true;
        }
        return false;
    }

    static boolean isWorkbook(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
