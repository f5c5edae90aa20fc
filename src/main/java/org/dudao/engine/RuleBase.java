package org.dudao.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.dudao.load.MetricDictionary;
import org.dudao.model.Indicator;
import org.dudao.model.Param;
import org.dudao.model.Reading;
import org.dudao.model.Status;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled rule set of a run: every {@code *.drl} under the rules folder, built once through a
 * KieFileSystem with the files' real paths (so errors name them), the metric dictionary beside them,
 * and the indicator catalogue read from the rules' metadata.
 */
public final class RuleBase {
    /** Metadata every indicator rule carries. */
    public static final List<String> REQUIRED_META = List.of("id", "name", "level", "pattern", "bound", "source");
    private static final Pattern ERROR_POSITION = Pattern.compile(
            "\\[ERR \\d+\\] Line (\\d+):(\\d+)|\\[Line: (\\d+), Column: (\\d+)\\]|\\[(\\d+),(\\d+)\\]");

    private final RuleFolder folder;
    private final KieBase kieBase;
    private final Map<String, RuleMeta> rules;
    private final List<Indicator> catalogue;
    private final MetricDictionary dictionary;
    private final Map<String, Param> params;
    private final boolean fromCache;

    private RuleBase(RuleFolder folder, KieBase kieBase, Map<String, RuleMeta> rules, List<Indicator> catalogue,
                     MetricDictionary dictionary, Map<String, Param> params, boolean fromCache) {
        this.folder = folder;
        this.params = params;
        this.fromCache = fromCache;
        this.kieBase = kieBase;
        this.rules = rules;
        this.catalogue = catalogue;
        this.dictionary = dictionary;
    }

    public Path dir() { return folder.dir(); }
    /** The folder the rules were compiled from: its other data (waivers, documents) is read from it when needed. */
    public RuleFolder folder() { return folder; }
    public KieBase kieBase() { return kieBase; }
    /** Metadata by the rule's full name (package.name). */
    public Map<String, RuleMeta> rules() { return rules; }
    /** One entry per indicator id, in the order the rule files define them. */
    public List<Indicator> catalogue() { return catalogue; }
    public MetricDictionary dictionary() { return dictionary; }
    /** SHA-256 over every file under the rules folder but the test fixtures ({@code tests/}): a report names the exact rule set it used. */
    public String hash() { return folder.hash(); }
    /** Parameters set in {@code rules/params.csv} (参数名称,参数值,说明): below a workbook's 参数 sheet, above a rule's default. */
    public Map<String, Param> params() { return params; }
    /** True when the compiled rules came from the rule cache ({@link RuleCache}) rather than a compile in this run. */
    public boolean fromCache() { return fromCache; }

    public static final String PARAMS_FILE = RuleFolder.PARAMS_FILE;

    /** Compiles with the {@link RuleGuard} check on, as every command does unless told to trust the rules. */
    public static RuleBase compile(Path dir) throws RuleCompileException {
        return compile(dir, false);
    }

    public static RuleBase compile(Path dir, boolean trusted) throws RuleCompileException {
        return compile(RuleFolder.read(dir), trusted);
    }

    /**
     * Compiles the folder's DRL and applies its thresholds table to the catalogue. A rule-cache hit
     * (stored by a compile of these very bytes that passed the same check) gives the compiled packages,
     * each rule's line and the table's rows: nothing is checked, parsed or compiled again, and the
     * workbook (POI's slowest start) is not opened.
     */
    public static RuleBase compile(RuleFolder folder, boolean trusted) throws RuleCompileException {
        Path dir = folder.dir();
        RuleCache cache = RuleCache.configured();
        String key = RuleCache.key(folder.hash(), trusted);
        RuleCache.Hit hit = cache == null ? null : cache.load(key);
        boolean fromCache = hit != null;
        if (!fromCache && !trusted) {
            List<RuleMessage> refused = RuleGuard.check(folder);
            if (!refused.isEmpty()) throw new RuleCompileException(refused);
        }
        MetricDictionary dictionary = folder.dictionary();
        Map<String, Param> params = folder.params();
        KieBase kieBase = fromCache ? hit.kieBase() : build(dir, folder.sources());
        Map<String, Integer> lines = fromCache ? hit.lines() : folder.ruleLines();
        Map<String, RuleMeta> metas = new LinkedHashMap<>();
        List<Indicator> catalogue = new ArrayList<>();
        List<RuleMessage> errors = new ArrayList<>();
        readMetadata(dir, kieBase, lines, metas, catalogue, errors);
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        if (fromCache) folder.thresholdsFromCache(hit.table());
        List<Thresholds.Entry> table = folder.thresholds();
        errors.addAll(Thresholds.apply(dir, table, metas, catalogue));
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        if (cache != null && !fromCache) cache.store(key, kieBase.getKiePackages(), lines, table);
        return new RuleBase(folder, kieBase, Collections.unmodifiableMap(metas), List.copyOf(catalogue), dictionary, params, fromCache);
    }

    /** Compiles the rule files with Drools, each under its real path so that errors name it. */
    private static KieBase build(Path dir, Map<Path, byte[]> sources) throws RuleCompileException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.dudao.rules", "rules-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Path> byKiePath = new HashMap<>();
        for (Path drl : sources.keySet()) {
            String rel = RuleFolder.relative(dir, drl);
            String kiePath = "src/main/resources/" + rel;
            byKiePath.put(kiePath, drl);
            byKiePath.put(rel, drl);
            // Explicitly UTF-8: under a POSIX locale (cron, systemd) Drools would decode in ASCII and lose every Chinese name.
            kfs.write(kiePath, ks.getResources().newByteArrayResource(sources.get(drl), "UTF-8").setSourcePath(kiePath));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<RuleMessage> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            RuleMessage rm = toRuleMessage(m, byKiePath, dir);
            // Drools adds this after any syntax error in a file: it says nothing the first error does not.
            if (!rm.message().startsWith("Parser returned a null Package")) errors.add(DroolsMessages.explain(rm));
        }
        if (!errors.isEmpty()) throw new RuleCompileException(errors);

        return ks.newKieContainer(releaseId).getKieBase();
    }



    /**
     * Reads each rule's {@code @id @name @level @pattern @bound @source @warn} and its reading
     * ({@code @soft @tie @tolerance}). Rules sharing an id
     * (a school rule and its county roll-up) form one indicator: the later ones may leave out what the
     * first one says.
     */
    private static void readMetadata(Path dir, KieBase kieBase, Map<String, Integer> ruleLines, Map<String, RuleMeta> metas,
                                     List<Indicator> catalogue, List<RuleMessage> errors) {
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) all.addAll(p.getRules());
        Map<Rule, Integer> lines = new HashMap<>();
        for (Rule r : all) lines.put(r, ruleLines.getOrDefault(RuleFolder.ruleKey(relativeSource(r), r.getName()), 0));
        all.sort((a, b) -> {
            int f = String.valueOf(sourceOf(a)).compareTo(String.valueOf(sourceOf(b)));
            return f != 0 ? f : Integer.compare(lines.get(a), lines.get(b));
        });
        Map<String, Indicator> first = new LinkedHashMap<>();
        for (Rule r : all) {
            Map<String, String> md = new HashMap<>();
            r.getMetaData().forEach((k, v) -> md.put(k, unquote(v)));
            String file = relativeSource(r);
            int line = lines.get(r);
            String id = md.get("id");
            if (id == null || id.isBlank()) continue; // a helper rule, not an indicator: `rules check` lints it
            Indicator base = first.get(id);
            List<String> absent = new ArrayList<>();
            String[] v = new String[REQUIRED_META.size()];
            for (int i = 0; i < v.length; i++) {
                String key = REQUIRED_META.get(i);
                v[i] = md.get(key);
                if ((v[i] == null || v[i].isBlank()) && base != null) v[i] = inherited(base, key);
                if (v[i] == null || v[i].isBlank()) absent.add("@" + key);
            }
            if (!absent.isEmpty()) {
                errors.add(new RuleMessage(dir.resolve(file).toString(), line, 1, "规则“" + r.getName() + "”缺少元数据 " + String.join("、", absent)));
                continue;
            }
            String warn = md.getOrDefault("warn", base == null ? null : base.warn());
            Bound bound;
            BigDecimal margin = null;
            Indicator ind;
            try {
                Reading reading = reading(md, base == null ? Reading.NONE : base.reading());
                ind = new Indicator(id, v[1], v[2], v[3], v[4], v[5], warn, file, r.getName(), reading);
                bound = Bound.parse(ind.bound());
                if (warn != null && !warn.isBlank()) margin = new BigDecimal(warn.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new RuleMessage(dir.resolve(file).toString(), line, 1, "规则“" + r.getName() + "”：" + (e instanceof NumberFormatException
                        ? "@warn 应为数值（预警幅度），而不是“" + warn + "”" : e.getMessage())));
                continue;
            }
            metas.put(r.getPackageName() + "." + r.getName(), new RuleMeta(ind, bound, margin));
            if (base == null) {
                first.put(id, ind);
                catalogue.add(ind);
            } else if (!base.level().contains(ind.level())) {
                // A roll-up rule adds its level to the indicator's entry (学校 + 县).
                Indicator merged = new Indicator(base.id(), base.name(), base.level() + "," + ind.level(), base.pattern(),
                        base.bound(), base.source(), base.warn(), base.file(), base.rule(), base.reading());
                first.put(id, merged);
                catalogue.set(catalogue.indexOf(base), merged);
            }
        }
    }

    /**
     * The reading of a rule's words ({@code @soft @tie @tolerance}), each inherited from the first rule
     * of the indicator when a roll-up rule leaves it out; a malformed one is an {@link IllegalArgumentException}.
     */
    static Reading reading(Map<String, String> md, Reading inherited) {
        String soft = md.containsKey("soft") ? md.get("soft").strip() : inherited.soft();
        if (soft != null && soft.isEmpty()) throw new IllegalArgumentException("@soft 应写原文中使要求不具强制性的词，如 @soft(\"力争\")");
        Status tie = inherited.tie();
        if (md.containsKey("tie")) {
            String t = md.get("tie").strip();
            tie = switch (t) {
                case "达标" -> Status.PASS;
                case "预警" -> Status.WARN;
                case "不达标" -> Status.FAIL;
                default -> throw new IllegalArgumentException("@tie 应为 达标、预警 或 不达标，而不是“" + t + "”");
            };
        }
        String tolerance = md.containsKey("tolerance") ? md.get("tolerance").strip() : inherited.tolerance();
        if (tolerance != null && !numberOrParameter(tolerance)) {
            throw new IllegalArgumentException("@tolerance 应为数值或参数（如 {CLEAN-01左右容差|1}），而不是“" + tolerance + "”");
        }
        return soft == null && tie == null && tolerance == null ? Reading.NONE : new Reading(soft, tie, tolerance);
    }

    private static boolean numberOrParameter(String raw) {
        try {
            Bound b = Bound.parse("<= " + raw);
            return b.metric() == null && !b.previousYear() && !b.timeProgress() && !b.isCompound() && !b.isYesNo();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String inherited(Indicator base, String key) {
        return switch (key) {
            case "name" -> base.name();
            case "pattern" -> base.pattern();
            case "source" -> base.source();
            case "bound" -> base.bound();
            default -> null;
        };
    }

    private static String unquote(Object v) {
        if (v == null) return null;
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static String sourceOf(Rule r) {
        if (r instanceof RuleImpl impl && impl.getResource() != null) return impl.getResource().getSourcePath();
        return null;
    }

    private static String relativeSource(Rule r) {
        String s = sourceOf(r);
        if (s == null) return "?";
        return s.startsWith("src/main/resources/") ? s.substring("src/main/resources/".length()) : s;
    }

    private static RuleMessage toRuleMessage(Message m, Map<String, Path> byKiePath, Path dir) {
        Path p = m.getPath() == null ? null : byKiePath.get(m.getPath());
        String file = p != null ? dir.resolve(RuleFolder.relative(dir, p)).toString() : m.getPath() == null ? dir.toString() : m.getPath();
        int line = m.getLine();
        int col = m.getColumn();
        String text = m.getText() == null ? "" : m.getText().strip();
        Matcher pos = ERROR_POSITION.matcher(text);
        if (pos.find()) {
            int g = pos.group(1) != null ? 1 : pos.group(3) != null ? 3 : 5;
            if (line <= 0) line = Integer.parseInt(pos.group(g));
            if (col <= 0) col = Integer.parseInt(pos.group(g + 1));
        }
        return new RuleMessage(file, Math.max(line, 0), Math.max(col, 0), text.replaceAll("\\s+", " "));
    }




}
