package org.dudao.cli;

import org.dudao.batch.InputFinder;
import org.dudao.util.FileNameCharset;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbooks {@code evaluate} is given: files as given, folders (their
 * .xlsx/.xls/.csv files, sorted, not their subfolders), globs expanded here (cmd.exe leaves them to the
 * program; {@code **} reaches into subfolders). Anything that finds nothing, or a name the process
 * locale cannot encode, is a problem in plain words with its absolute path.
 */
record InputFiles(List<Path> files, List<String> problems) {
    static InputFiles find(List<String> inputs, Path outDir) {
        List<String> problems = new ArrayList<>();
        for (String input : inputs) {
            if (!FileNameCharset.fits(input)) problems.add(FileNameCharset.hint(input));
        }
        if (!problems.isEmpty()) return new InputFiles(List.of(), problems);
        InputFinder.Found found = InputFinder.find(inputs, outDir, false);
        for (InputFinder.Problem p : found.problems()) {
            String abs = absolute(p.input());
            problems.add(p.reason() + "：" + (abs.equals(p.input()) ? abs : p.input() + "（" + abs + "）"));
        }
        // a folder listed under a locale that cannot encode its names gives names Java cannot show either
        for (Path f : found.files()) {
            if (!FileNameCharset.fits(f.getFileName().toString())) problems.add(FileNameCharset.hint(f.getFileName().toString()));
        }
        return new InputFiles(found.files(), problems);
    }

    /** The input made absolute against the working folder (a glob's text too; Windows refuses {@code *} in a path). */
    private static String absolute(String input) {
        try {
            return Path.of(input).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath() + File.separator + input;
        }
    }
}
