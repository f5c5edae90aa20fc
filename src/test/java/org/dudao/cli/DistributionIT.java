package org.dudao.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zip {@code mvn package} builds, as an inspection office gets it: unpacked into a temporary
 * folder outside the repository, {@code bin/dudao evaluate} run from another folder under
 * {@code LANG=C} on workbooks with Chinese names. Run by failsafe in {@code integration-test}, after
 * {@code package} has built the zip.
 */
class DistributionIT {
    @TempDir static Path tmp;
    static Path home;

    @BeforeAll
    static void unpack() throws IOException {
        Path zip = Path.of(System.getProperty("dudao.dist.zip", "target/dudao-missing.zip"));
        assertThat(zip).as("the distribution zip, built by mvn package").exists();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                Path to = tmp.resolve("安装").resolve(e.getName()).normalize();
                assertThat(to.startsWith(tmp.resolve("安装"))).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, to);
                }
                // as unzip does: the zip carries the launcher's execute bit
                if ((e.getUnixMode() & 0100) != 0) assertThat(to.toFile().setExecutable(true, false)).isTrue();
            }
        }
        try (Stream<Path> s = Files.list(tmp.resolve("安装"))) {
            home = s.findFirst().orElseThrow();
        }
        assertThat(home.getFileName().toString()).startsWith("dudao-");
    }

    @Test
    void bin_dudao_evaluates_chinese_named_workbooks_from_another_folder_under_lang_c() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("工作"));
        Files.copy(home.resolve("sample-data/sample-2023.xlsx"), work.resolve("样本-2023.xlsx"));
        Files.copy(home.resolve("sample-data/sample-2024.xlsx"), work.resolve("样本-2024.xlsx"));
        Forked r = launch(work, "evaluate", "--format", "all", "样本-2023.xlsx", "样本-2024.xlsx");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).startsWith("规则：" + home.resolve("rules") + "（安装目录中的 rules）；SHA-256 ")
                .contains("评估年度：2024 年").contains("数据中还有 2023 年").endsWith("请打开：" + work.resolve("out/report.html") + "\n");
        try (Stream<Path> files = Files.list(work.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("report.json", "report.xlsx", "report.html", "督导报告.docx", "manifest.json");
        }
        JsonNode run = new ObjectMapper().readTree(work.resolve("out/report.json").toFile()).path("run");
        assertThat(run.path("inputs").get(1).path("file").asText()).isEqualTo("样本-2024.xlsx");
    }

    @Test
    void the_first_run_leaves_a_class_archive_and_the_rule_cache_that_later_runs_use_quietly() throws Exception {
        Path cache = tmp.resolve("缓存");
        Files.createDirectories(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // an earlier build's archives: the one more than a week old goes when the new one is made
        FileTime eightDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        Files.setLastModifiedTime(Files.writeString(cache.resolve("classes-1-tools.jsa"), "old"), eightDaysAgo);
        Files.setLastModifiedTime(Files.writeString(cache.resolve("classes-1-runs.jsa.failed"), ""), eightDaysAgo);
        Files.writeString(cache.resolve("classes-2-runs.jsa"), "recent");
        Files.setLastModifiedTime(Files.writeString(cache.resolve("notes.txt"), "not ours to remove"), eightDaysAgo);
        Forked first = launch(tmp, Map.of("DUDAO_CACHE_DIR", cache.toString()), "rules", "list");
        // at once: while the first run's archive is being made in the background, and once it is there
        Forked during = launch(tmp, Map.of("DUDAO_CACHE_DIR", cache.toString()), "rules", "list");
        awaitArchives(cache);
        Forked second = launch(tmp, Map.of("DUDAO_CACHE_DIR", cache.toString()), "rules", "list");

        assertThat(first.exit()).as(first.err()).isZero();
        for (Forked later : List.of(during, second)) {
            assertThat(later.exit()).as(later.err()).isZero();
            assertThat(later.err()).isEmpty();
            assertThat(later.stdout()).isEqualTo(first.stdout());
        }
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> s = Files.list(cache)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.matches("classes-\\d+-tools\\.jsa")).anyMatch(n -> n.endsWith(".kb"))
                    .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".lst") || n.endsWith(".failed") || n.endsWith(".making"))
                    .contains("classes-2-runs.jsa", "notes.txt").doesNotContain("classes-1-tools.jsa");
        }
    }

    @Test
    void the_archive_of_the_commands_that_evaluate_holds_report_xlsxs_classes_even_when_the_first_run_wrote_only_json() throws Exception {
        // in a folder with Chinese in its path Java 17 maps the archive but takes no class of the class path from it
        Path install = copyTree(home, tmp.resolve("ascii-install"));
        Path cache = tmp.resolve("cache-runs");
        Path loaded = tmp.resolve("classes.log");
        String[] samples = {install.resolve("sample-data/sample-2023.xlsx").toString(), install.resolve("sample-data/sample-2024.xlsx").toString()};
        Forked first = launch(install, tmp, Map.of("DUDAO_CACHE_DIR", cache.toString()), "evaluate", "--format", "json", "--out", "out-json",
                samples[0], samples[1]);
        awaitArchives(cache);
        Forked second = launch(install, tmp, Map.of("DUDAO_CACHE_DIR", cache.toString(), "JAVA_OPTS", "-Xlog:class+load:file=" + loaded),
                "evaluate", "--out", "out-all", samples[0], samples[1]);

        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.FAILED);
        // the first run listed the classes of the report.xlsx it did not write (its warm-up), so the second maps them
        assertThat(Files.readString(loaded)).contains("org.dudao.cli.Main source: shared objects file")
                .contains("org.apache.poi.xssf.streaming.SXSSFWorkbook source: shared objects file");
    }

    /** Waits for the class archives a first run left to be made in the background (its claim, {@code .making}, gone). */
    private static void awaitArchives(Path cache) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try (Stream<Path> s = Files.list(cache)) {
                if (s.noneMatch(p -> p.getFileName().toString().endsWith(".making"))) return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the class archive was still being made after 2 minutes: " + cache);
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    @Test
    void a_cache_folder_others_may_write_gets_no_class_archive() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("共用缓存"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        Forked r = launch(tmp, Map.of("DUDAO_CACHE_DIR", cache.toString()), "rules", "list");

        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void a_rules_command_and_an_evaluate_or_explain_of_small_named_workbooks_run_on_c1_alone_and_the_others_on_every_tier() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("jit"));
        Files.copy(home.resolve("sample-data/sample-2023.xlsx"), work.resolve("a.xlsx"));
        Files.copy(home.resolve("sample-data/sample-2024.xlsx"), work.resolve("b.xlsx"));
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(work.resolve("big.xlsx").toFile(), "rw")) {
            big.setLength(16L << 20); // the launcher's limit: 16 MB and more is a long run
        }
        // --year x stops each evaluate at its command line: the flags are printed when the JVM starts
        assertThat(tier(work, "", "rules", "list")).isEqualTo(1);
        assertThat(tier(work, "", "evaluate", "--year", "x", "--out", "out", "a.xlsx", "b.xlsx")).isEqualTo(1);
        assertThat(tier(work, "", "evaluate", "--year", "x", "--", "a.xlsx")).isEqualTo(1);
        assertThat(tier(work, "", "explain", "--year", "x", "--indicator", "CLASS-01", "--entity", "b.xlsx", "a.xlsx")).isEqualTo(1);
        assertThat(tier(work, "", "explain", "--year", "x", "--indicator", "CLASS-01", "--entity", "1", "big.xlsx")).isEqualTo(4);
        assertThat(tier(work, "", "evaluate", "--year", "x", "a.xlsx", "big.xlsx")).isEqualTo(4);
        assertThat(tier(work, "", "evaluate", "--year", "x", ".")).as("a folder").isEqualTo(4);
        assertThat(tier(work, "", "evaluate", "--year", "x", "*.xlsx")).as("a glob dudao expands").isEqualTo(4);
        assertThat(tier(work, "", "generate", "--help")).isEqualTo(4);
        assertThat(tier(work, "-XX:TieredStopAtLevel=4", "rules", "list")).as("JAVA_OPTS decides").isEqualTo(4);
    }

    /** The highest JIT tier of the JVM bin/dudao starts for {@code args} (from -XX:+PrintFlagsFinal). */
    private static int tier(Path dir, String javaOpts, String... args) throws Exception {
        Forked r = launch(dir, Map.of("DUDAO_CACHE_DIR", "off", "JAVA_OPTS", (javaOpts + " -XX:+PrintFlagsFinal").trim()), args);
        Matcher m = Pattern.compile("\\bTieredStopAtLevel\\s+= (\\d)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void bin_dudao_without_a_command_prints_the_short_help_and_exits_3() throws Exception {
        Forked r = launch(tmp);
        assertThat(r.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(r.err()).contains("dudao evaluate 数据.xlsx");
    }

    @Test
    void the_zip_holds_launchers_rules_sample_data_and_the_guide_and_the_tarball_the_same() throws IOException {
        assertThat(home.resolve("bin/dudao")).isExecutable();
        byte[] bat = Files.readAllBytes(home.resolve("bin/dudao.bat"));
        String batText = new String(bat, StandardCharsets.US_ASCII);
        assertThat(batText).contains("\r\n").doesNotContain("\r\r").contains("org.dudao.cli.Main");
        assertThat(batText.replace("\r\n", "")).doesNotContain("\n");
        for (byte b : bat) assertThat(b).as("dudao.bat is ASCII: cmd.exe reads it in the console's code page").isBetween((byte) 0, (byte) 127);
        assertThat(RulesLookupTest.contents(home.resolve("rules"))).isEqualTo(RulesLookupTest.contents(Path.of("rules")));
        assertThat(home.resolve("sample-data/sample-2024.xlsx")).exists();
        assertThat(Files.readString(home.resolve("使用说明.txt"))).contains("bin\\dudao.bat").contains("LC_ALL").contains("JAVA_OPTS");

        Path tar = Path.of(System.getProperty("dudao.dist.tar", "target/dudao-missing.tar.gz"));
        TreeSet<String> inTar = new TreeSet<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(tar)))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) continue;
                inTar.add(e.getName());
                if (e.getName().endsWith("/bin/dudao")) assertThat(e.getMode() & 0777).isEqualTo(0755);
            }
        }
        TreeSet<String> unpacked = new TreeSet<>();
        try (Stream<Path> s = Files.walk(home)) {
            s.filter(Files::isRegularFile).forEach(f -> unpacked.add(home.getFileName() + "/" + home.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(inTar).isEqualTo(unpacked);
    }

    @Test
    void every_bundled_jar_carries_its_licence_or_has_it_in_licenses() throws IOException {
        String readme = Files.readString(home.resolve("licenses/README.txt"));
        Map<String, List<String>> listed = new TreeMap<>();
        for (String line : readme.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            List<String> files = new ArrayList<>();
            for (String w : words) if (w.endsWith(".txt")) files.add(w);
            if (words.length > 1 && !files.isEmpty()) listed.put(words[0], files);
        }
        for (List<String> files : listed.values()) for (String f : files) assertThat(home.resolve("licenses").resolve(f)).exists();
        Pattern artifact = Pattern.compile("(.+?)-\\d.*\\.jar");
        List<String> without = new ArrayList<>();
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                Matcher m = artifact.matcher(jar.getFileName().toString());
                assertThat(m.matches()).as(jar.toString()).isTrue();
                if (m.group(1).equals("dudao") || carriesLicence(jar) || listed.containsKey(m.group(1))) continue;
                without.add(jar.getFileName().toString());
            }
        }
        assertThat(without).as("jars in lib/ with no licence inside and none in licenses/README.txt").isEmpty();
    }

    private static boolean carriesLicence(Path jar) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(jar).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1).toUpperCase();
                if (!e.isDirectory() && !name.endsWith(".CLASS") && (name.startsWith("LICENSE") || name.startsWith("LICENCE"))) return true;
            }
        }
        return false;
    }

    /** bin/dudao in {@code dir} under the POSIX locale, with the Java running these tests. */
    private static Forked launch(Path dir, String... args) throws Exception {
        return launch(dir, Map.of(), args);
    }

    private static Forked launch(Path dir, Map<String, String> env, String... args) throws Exception {
        return launch(home, dir, env, args);
    }

    private static Forked launch(Path install, Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(install.resolve("bin/dudao").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_"));
        pb.environment().put("LANG", "C");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        return Forked.of(pb);
    }
}
