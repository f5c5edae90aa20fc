package org.dudao.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The shipped rules built into the jar at {@code dudao-rules/} (the build copies {@code rules/} there):
 * the last place a command looks for rules, and what {@code dudao rules init} copies out. Inside a jar
 * they are unpacked once per process into a temporary folder (the rule compiler and the thresholds
 * table read files), deleted when the process ends; run from classes they are used where they are.
 */
final class BuiltInRules {
    static final String RESOURCE = "dudao-rules";

    private static Path unpacked;

    private BuiltInRules() {}

    /** True when this build carries its rules. */
    static boolean present() {
        return BuiltInRules.class.getResource("/" + RESOURCE + "/") != null;
    }

    /** A folder holding the built-in rules (unpacked on first use when they are inside a jar). */
    static synchronized Path folder() throws IOException {
        URL url = resource();
        if (url.getProtocol().equals("file")) return toPath(url);
        if (unpacked == null) {
            Path dir = Files.createTempDirectory("dudao-rules-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            copyTo(dir);
            unpacked = dir;
        }
        return unpacked;
    }

    /** Copies every built-in rule file into {@code target} (created if needed) and returns the files written, relative to it. */
    static List<Path> copyTo(Path target) throws IOException {
        URL url = resource();
        if (url.getProtocol().equals("file")) return copyTree(toPath(url), target);
        Path jar = toPath(((JarURLConnection) url.openConnection()).getJarFileURL());
        // the jar's own entries, not a zip file system: the class loader has the jar open, and a JarFile
        // of the same file shares its index, where a zip file system reads its 27,000 entries again
        try (JarFile file = new JarFile(jar.toFile())) {
            return copyEntries(file, target);
        }
    }

    /** The entries under {@code dudao-rules/} of {@code jar}, copied into {@code target} (the files written, relative to it). */
    static List<Path> copyEntries(JarFile jar, Path target) throws IOException {
        Files.createDirectories(target);
        String prefix = RESOURCE + "/";
        Path root = target.toAbsolutePath().normalize();
        List<JarEntry> entries = jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                .sorted(Comparator.comparing(JarEntry::getName)).toList();
        List<Path> written = new ArrayList<>();
        for (JarEntry e : entries) {
            Path to = root.resolve(e.getName().substring(prefix.length())).normalize();
            if (!to.startsWith(root) || to.equals(root)) throw new IOException("内置规则中有越出规则目录的文件名：" + e.getName());
            Files.createDirectories(to.getParent());
            try (InputStream in = jar.getInputStream(e)) {
                Files.copy(in, to);
            }
            written.add(root.relativize(to));
        }
        return written;
    }

    private static URL resource() throws IOException {
        URL url = BuiltInRules.class.getResource("/" + RESOURCE + "/");
        if (url == null) throw new IOException("程序中没有内置规则（" + RESOURCE + "/）");
        return url;
    }

    private static Path toPath(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("无法定位内置规则：" + url, e);
        }
    }

    private static List<Path> copyTree(Path from, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(from)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            List<Path> written = new ArrayList<>();
            for (Path f : all) {
                // a zip file system's paths are not the default file system's: resolve by name, segment by segment
                Path to = target;
                for (Path part : from.relativize(f)) to = to.resolve(part.toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                written.add(target.relativize(to));
            }
            return written;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no reason to fail at exit
        }
    }
}
