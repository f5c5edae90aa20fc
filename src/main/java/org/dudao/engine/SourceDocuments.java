package org.dudao.engine;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents the rules cite, from {@code rules/documents.csv} (代号, 文件名称, 发文机关, 文号, 年份, 说明),
 * and a rule's {@code @source} said with them: {@code 002 第五部分第2条} becomes
 * {@code 《××市2022年教育工作要点》第五部分第2条}, {@code 教督〔2017〕6号 第五条} becomes
 * {@code 《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）第五条}. A document is recognised by its
 * 代号 at the start of a citation, by its 文号, or by its title (also without 中华人民共和国). Notes in a
 * source that are for the analysts ({@code （未核实原文，界值为参数）}) are left out; so is the 说明 column.
 */
public final class SourceDocuments {
    public static final String FILE = "documents.csv";
    public static final SourceDocuments NONE = new SourceDocuments(new LinkedHashMap<>());
    private static final List<String> COLUMNS = List.of("代号", "文件名称", "发文机关", "文号", "年份");
    private static final Pattern INTERNAL_NOTE = Pattern.compile("（[^（）]*(?:未核实|待核实)[^（）]*）");
    /** The parts of a family of documents under one 代号 (000-1, 000-2, …), as the rules call them: 方案一, 方案二. */
    private static final Pattern PART = Pattern.compile("方案([一二三四五六七八九十])");
    private static final String NUMERALS = "一二三四五六七八九十";

    /** A source document; {@code number} (文号) and {@code year} may be empty. */
    public record Document(String code, String title, String issuer, String number, String year) {
        /** The title with the 文号 after it, as a citation names the document. */
        public String cited() { return number.isEmpty() ? title : title + "（" + number + "）"; }

        private String bare() { return title.replace("《", "").replace("》", ""); }
    }

    /** A source as a reader sees it, and the documents it cites (in the table's order). */
    public record Citation(String text, List<Document> documents) {}

    /** documents.csv could not be read as the table it should be; the message names the file and line. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    private final Map<String, Document> byCode;
    private final Map<String, Citation> cache = new HashMap<>();

    private SourceDocuments(Map<String, Document> byCode) {
        this.byCode = byCode;
    }

    /** Builds a table from documents given in code (for tests and callers without a file). */
    public static SourceDocuments of(List<Document> documents) {
        Map<String, Document> m = new LinkedHashMap<>();
        for (Document d : documents) m.put(d.code(), d);
        return new SourceDocuments(m);
    }

    /** Reads the table; a missing file is an empty table (sources are then shown as the rules write them). */
    public static SourceDocuments read(Path csv) throws Malformed {
        if (!Files.isRegularFile(csv)) return NONE;
        String where = "rules/" + FILE;
        Map<String, Document> out = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(csv), decoder)) {
            var parser = format.parse(in);
            List<String> header = new ArrayList<>();
            for (String h : parser.getHeaderNames()) header.add(h.replace("\uFEFF", "").strip());
            for (String c : COLUMNS) {
                if (!header.contains(c)) throw new Malformed(where + " 第1行：缺少列“" + c + "”（应有：" + String.join("、", COLUMNS) + "、说明）");
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String code = get(r, header, "代号");
                String title = get(r, header, "文件名称");
                if (code.isEmpty() || title.isEmpty()) {
                    throw new Malformed(where + " 第" + line + "行：“代号”和“文件名称”都不能为空");
                }
                if (out.containsKey(code)) {
                    throw new Malformed(where + " 第" + line + "行：代号“" + code + "”与第" + lines.get(code) + "行重复");
                }
                lines.put(code, line);
                out.put(code, new Document(code, title, get(r, header, "发文机关"), get(r, header, "文号"), get(r, header, "年份")));
            }
        } catch (CharacterCodingException e) {
            throw new Malformed(where + "：不是 UTF-8 编码，请另存为 UTF-8（CSV UTF-8）");
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new Malformed(where + "：无法读取（" + e.getMessage() + "）");
        }
        return new SourceDocuments(out);
    }

    private static String get(CSVRecord r, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < r.size() ? r.get(i).strip() : "";
    }

    /** Every document of the table, in its order. */
    public List<Document> all() { return List.copyOf(byCode.values()); }

    /** A rule's {@code @source} said with the documents' titles, and the documents it names. */
    public synchronized Citation cite(String source) {
        if (source == null || source.isBlank()) return new Citation("", List.of());
        return cache.computeIfAbsent(source, this::resolve);
    }

    private Citation resolve(String source) {
        String s = INTERNAL_NOTE.matcher(source).replaceAll("").strip();
        Set<Document> used = new LinkedHashSet<>();
        List<String> pieces = new ArrayList<>();
        for (String piece : s.split("[；;]")) {
            if (!piece.isBlank()) pieces.add(piece(piece.strip(), used));
        }
        List<Document> ordered = new ArrayList<>();
        for (Document d : byCode.values()) if (used.contains(d)) ordered.add(d);
        return new Citation(String.join("；", pieces), ordered);
    }

    /** One citation: a document by its 代号 (or a family's 方案X), its 文号 or its title, then the clause. */
    private String piece(String p, Set<Document> used) {
        int space = p.indexOf(' ');
        String token = space < 0 ? p : p.substring(0, space);
        String rest = space < 0 ? "" : p.substring(space + 1).strip();
        Document d = byCode.get(token);
        if (d != null) {
            used.add(d);
            return d.cited() + clause(rest);
        }
        if (!rest.isEmpty() && byCode.containsKey(token + "-1")) {
            Matcher m = PART.matcher(rest);
            StringBuilder b = new StringBuilder();
            boolean found = false;
            while (m.find()) {
                Document part = byCode.get(token + "-" + (NUMERALS.indexOf(m.group(1)) + 1));
                if (part == null) continue;
                used.add(part);
                found = true;
                m.appendReplacement(b, Matcher.quoteReplacement(part.cited()));
            }
            m.appendTail(b);
            if (found) return b.toString();
        }
        String out = p;
        for (Document doc : byCode.values()) {
            String named = named(out, doc);
            if (named == null) continue;
            used.add(doc);
            out = named.replace(doc.cited() + "（" + doc.year() + "）", doc.cited());
        }
        // "教督〔2017〕6号 第五条": the space that separated number and clause goes once the document is named
        return out.replaceAll("\\s+(?=第)", "").replaceAll("(?<=[）》])\\s+(?=\\p{IsHan})", "");
    }

    /** The text with the document named as {@link Document#cited()}, or null when the text does not name it. */
    private static String named(String text, Document doc) {
        String bare = doc.bare();
        String shortTitle = bare.startsWith("中华人民共和国") ? bare.substring("中华人民共和国".length()) : null;
        if (text.contains(doc.cited())) return text;
        if (!doc.number().isEmpty() && text.contains(doc.number())) return text.replace(doc.number(), doc.cited());
        for (String form : new String[]{"《" + bare + "》", shortTitle == null ? null : "《" + shortTitle + "》", bare}) {
            if (form != null && text.contains(form)) return text.replace(form, doc.cited());
        }
        return null;
    }

    private static String clause(String rest) {
        if (rest.isEmpty()) return "";
        return rest.startsWith("第") ? rest : "（" + rest + "）";
    }
}
