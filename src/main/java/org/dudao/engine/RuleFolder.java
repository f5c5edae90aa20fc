package org.dudao.engine;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dudao.ast.Rule;
import org.dudao.ast.RuleFile;
import org.dudao.ast.RuleFiles;
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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A rule folder's data, read without Drools and each piece only when asked: its files, the bytes of
 * its {@code .drl} files (read once, so the bytes the sandbox checks are the bytes Drools compiles),
 * the folder's hash, the rule files parsed ({@link RuleFiles}, once: the sandbox check and each rule's
 * line come from the same parse), the metric dictionary ({@code metrics.csv} with {@code validity.csv}),
 * the parameters ({@code params.csv}), the thresholds table's rows ({@code thresholds.xlsx}), the
 * waivers ({@code waivers.csv}) and the documents the rules cite ({@code documents.csv}). Mistakes are
 * {@link RuleCompileException}s naming file, line and column (the documents' are a report's problem,
 * {@link SourceDocuments.Malformed}). {@link RuleBase} compiles the DRL of one.
 */
public final class RuleFolder {
    public static final String PARAMS_FILE = "params.csv";

    private final Path dir;
    private final List<Path> files;
    private final Map<Path, byte[]> sources;
    private final String hash;
    private Map<Path, RuleFile> parsed;
    private MetricDictionary dictionary;
    private Map<String, Param> params;
    private Optional<List<Thresholds.Entry>> thresholds;
    private SourceDocuments documents;

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

    /** A rule file's bytes as UTF-8 text, by its path relative to the folder; null when the folder has no such rule file. */
    public String source(String relative) {
        byte[] b = sources.get(dir.resolve(relative));
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** The {@code .drl} files parsed by Drools' parser, in path order; a file that does not parse has its errors instead of rules. */
    public synchronized Map<Path, RuleFile> parsed() {
        if (parsed == null) {
            Map<Path, RuleFile> out = new LinkedHashMap<>();
            for (Map.Entry<Path, byte[]> f : sources.entrySet()) {
                out.put(f.getKey(), RuleFiles.parse(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8)));
            }
            parsed = Collections.unmodifiableMap(out);
        }
        return parsed;
    }

    /** Whether {@link #parsed()} has run: a rule-cache hit must not parse. */
    synchronized boolean parsedYet() { return parsed != null; }

    /**
     * The line each rule starts on, by {@link #ruleKey}: from the parse, as Drools keeps no public line
     * for a compiled rule. The rule cache stores these, so a warm run does not parse.
     */
    public Map<String, Integer> ruleLines() {
        Map<String, Integer> lines = new HashMap<>();
        for (Map.Entry<Path, RuleFile> f : parsed().entrySet()) {
            String file = relative(dir, f.getKey());
            for (Rule r : f.getValue().rules()) lines.putIfAbsent(ruleKey(file, r.name()), r.at().line());
        }
        return lines;
    }

    /** The key of a rule in {@link #ruleLines()}: its file relative to the folder and its name. */
    static String ruleKey(String file, String rule) {
        return file + "\n" + rule;
    }

    /** {@code metrics.csv} (with {@code validity.csv}); empty when the folder has none. */
    public synchronized MetricDictionary dictionary() throws RuleCompileException {
        if (dictionary == null) dictionary = readDictionary(dir);
        return dictionary;
    }

    /** {@code params.csv} (参数名称,参数值,说明); empty when the folder has none. */
    public synchronized Map<String, Param> params() throws RuleCompileException {
        if (params == null) params = readParams(dir);
        return params;
    }

    /** The rows of {@code thresholds.xlsx}, or null when the folder has none; a cell or file that cannot be read is refused. */
    synchronized List<Thresholds.Entry> thresholds() throws RuleCompileException {
        if (thresholds == null) {
            List<RuleMessage> errors = new ArrayList<>();
            List<Thresholds.Entry> rows = Thresholds.read(dir, errors);
            if (!errors.isEmpty()) throw new RuleCompileException(errors);
            thresholds = Optional.ofNullable(rows == null ? null : List.copyOf(rows));
        }
        return thresholds.orElse(null);
    }

    /** The rows given by the rule cache for this folder's hash: {@link #thresholds()} then does not open the workbook. */
    synchronized void thresholdsFromCache(List<Thresholds.Entry> rows) {
        thresholds = Optional.ofNullable(rows);
    }

    /**
     * The waivers of the folder's {@code waivers.csv} (if any) and then of {@code more}. Read at each
     * call, not kept: the console applies a waiver added between two runs to the second.
     */
    public Waivers waivers(List<Path> more) throws RuleCompileException {
        return Waivers.read(waiverFiles(dir, more));
    }

    /** The waiver files of a run on the rules in {@code dir}: the folder's {@code waivers.csv} when it has one, then {@code more}. */
    public static List<Path> waiverFiles(Path dir, List<Path> more) {
        List<Path> files = new ArrayList<>();
        Path own = dir.resolve(Waivers.FILE_NAME);
        if (Files.isRegularFile(own)) files.add(own);
        files.addAll(more);
        return files;
    }

    /** {@code documents.csv}; an empty table when the folder has none. */
    public synchronized SourceDocuments documents() throws SourceDocuments.Malformed {
        if (documents == null) documents = SourceDocuments.read(dir.resolve(SourceDocuments.FILE));
        return documents;
    }

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
