package org.dudao.engine;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dudao.load.CsvText;
import org.dudao.load.MetricDictionary;
import org.dudao.load.Text;
import org.dudao.model.Origin;
import org.dudao.model.Param;
import org.dudao.util.Sha256;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rule folder as files, read without Drools: its files, the bytes of its {@code .drl} files (read
 * once, so the bytes the sandbox checks are the bytes Drools compiles), the folder's hash, and on
 * demand its metric dictionary ({@code metrics.csv} with {@code validity.csv}) and parameters
 * ({@code params.csv}). {@link RuleBase} compiles the DRL of one; the dictionary and parameters are
 * read when asked, so a compile reports their mistakes after the sandbox's, as before.
 */
public final class RuleFolder {
    public static final String PARAMS_FILE = "params.csv";

    private final Path dir;
    private final List<Path> files;
    private final Map<Path, byte[]> sources;
    private final String hash;

    private RuleFolder(Path dir, List<Path> files, Map<Path, byte[]> sources, String hash) {
        this.dir = dir;
        this.files = files;
        this.sources = sources;
        this.hash = hash;
    }

    /** Lists the folder and reads its rule files; a missing folder or one without {@code .drl} files is refused. */
    public static RuleFolder read(Path dir) throws RuleCompileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompileException(List.of(new RuleMessage(dir.toString(), 0, 0, "规则目录不存在")));
        }
        List<Path> files = listFiles(dir);
        List<Path> drls = files.stream().filter(p -> p.getFileName().toString().endsWith(".drl")).toList();
        if (drls.isEmpty()) {
            throw new RuleCompileException(List.of(new RuleMessage(dir.toString(), 0, 0, "规则目录中没有 .drl 规则文件")));
        }
        Map<Path, byte[]> sources = new LinkedHashMap<>();
        for (Path drl : drls) sources.put(drl, bytes(drl));
        // The test fixtures (rules/tests/) do not change what a run concludes: leave them out of the rules' hash.
        String hash = hash(dir, files.stream().filter(f -> !f.startsWith(dir.resolve("tests"))).toList(), sources);
        return new RuleFolder(dir, files, Collections.unmodifiableMap(sources), hash);
    }

    public Path dir() { return dir; }

    /** Every regular file under the folder, sorted. */
    public List<Path> files() { return files; }

    /** The {@code .drl} files and their bytes, in path order. */
    public Map<Path, byte[]> sources() { return sources; }

    /** SHA-256 over the names and bytes of every file but the test fixtures. */
    public String hash() { return hash; }

    /** {@code metrics.csv} (with {@code validity.csv}); empty when the folder has none. */
    public MetricDictionary dictionary() throws RuleCompileException { return readDictionary(dir); }

    /** {@code params.csv} (参数名称,参数值,说明); empty when the folder has none. */
    public Map<String, Param> params() throws RuleCompileException { return readParams(dir); }

    private static Map<String, Param> readParams(Path dir) throws RuleCompileException {
        Path csv = dir.resolve(PARAMS_FILE);
        Map<String, Param> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) return Collections.unmodifiableMap(out);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').build();
        List<RuleMessage> errors = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try {
            String text = CsvText.read(csv);
            for (CSVRecord r : format.parse(new StringReader(text))) {
                int line = CsvText.line(text, r);
                String name = r.get(0).replace("\uFEFF", "").strip();
                if (name.isEmpty()) continue;
                String value = r.size() > 1 ? r.get(1).strip() : "";
                if (value.isEmpty()) {
                    errors.add(new RuleMessage(csv.toString(), line, 1, "参数“" + name + "”没有值"));
                    continue;
                }
                Integer first = lineOf.putIfAbsent(name, line);
                if (first != null) {
                    // the last value would win without a word: which one the analyst meant is theirs to say
                    errors.add(new RuleMessage(csv.toString(), line, 1, "参数“" + name + "”在第 " + first + " 行和第 " + line
                            + " 行重复设置：请只保留一行"));
                    continue;
                }
                BigDecimal n = Text.number(value);
                out.put(name, new Param(name, n, value, new Origin(PARAMS_FILE, "参数", "第" + line + "行")));
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw new RuleCompileException(List.of(new RuleMessage(csv.toString(), 0, 0, "无法读取参数文件：" + e.getMessage())));
        }
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        return Collections.unmodifiableMap(out);
    }

    private static MetricDictionary readDictionary(Path dir) throws RuleCompileException {
        Path csv = dir.resolve(MetricDictionary.FILE_NAME);
        if (!Files.isRegularFile(csv)) return MetricDictionary.empty();
        try {
            return MetricDictionary.read(csv);
        } catch (IOException e) {
            throw new RuleCompileException(List.of(new RuleMessage(csv.toString(), 0, 0, "无法读取指标字典：" + e.getMessage())));
        } catch (MetricDictionary.DictionaryException e) {
            throw new RuleCompileException(List.of(new RuleMessage(csv.toString(), 0, 0, e.getMessage())));
        }
    }

    static List<Path> listFiles(Path dir) throws RuleCompileException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleCompileException(List.of(new RuleMessage(dir.toString(), 0, 0, "无法读取规则目录：" + e.getMessage())));
        }
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] bytes(Path p) throws RuleCompileException {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new RuleCompileException(List.of(new RuleMessage(p.toString(), 0, 0, "无法读取：" + e.getMessage())));
        }
    }

    /** SHA-256 over the files' names and bytes; a rule file's bytes are those already read (checked and compiled). */
    private static String hash(Path dir, List<Path> files, Map<Path, byte[]> read) throws RuleCompileException {
        MessageDigest md = Sha256.digest();
        for (Path f : files) {
            md.update(relative(dir, f).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            byte[] bytes = read.get(f);
            md.update(bytes != null ? bytes : bytes(f));
            md.update((byte) 0);
        }
        return Sha256.hex(md);
    }
}
