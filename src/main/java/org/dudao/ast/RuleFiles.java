package org.dudao.ast;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .drl} file with Drools' own parser (the one the compiler uses, so the tree is what
 * would be compiled) and turns its descriptors into a {@link RuleFile}. Drools' columns start at 0;
 * ours start at 1.
 */
public final class RuleFiles {
    private RuleFiles() {}

    /** Reads and parses a file as UTF-8, the encoding the rules are compiled in. */
    public static RuleFile read(Path file) throws IOException {
        return parse(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /** Parses a file's text. */
    public static RuleFile parse(Path file, String source) {
        DrlParser parser = new DrlParser();
        PackageDescr pd;
        List<RuleFile.ParseError> errors = new ArrayList<>();
        try {
            pd = parser.parse(false, source);
        } catch (DroolsParserException e) {
            errors.add(new RuleFile.ParseError(new Location(Math.max(e.getLineNumber(), 0), Math.max(e.getColumn(), 0)), e.getMessage()));
            pd = null;
        }
        for (DroolsError e : parser.getErrors()) {
            Location at = e instanceof ParserError pe ? new Location(pe.getRow(), pe.getCol())
                    : new Location(e.getLines().length > 0 ? e.getLines()[0] : 0, 0);
            errors.add(new RuleFile.ParseError(at, e.getMessage()));
        }
        if (pd == null || !errors.isEmpty()) {
            if (errors.isEmpty()) errors.add(new RuleFile.ParseError(Location.UNKNOWN, "无法解析规则文件"));
            return new RuleFile(file, source, null, List.of(), List.of(), List.of(), List.copyOf(errors));
        }
        return new Reader(source).file(file, pd);
    }

    /** The conversion of one parsed file. */
    private record Reader(String source) {
        RuleFile file(Path file, PackageDescr pd) {
            List<RuleFile.Import> imports = new ArrayList<>();
            for (ImportDescr i : pd.getImports()) imports.add(new RuleFile.Import(i.getTarget(), false, at(i, Location.UNKNOWN)));
            for (FunctionImportDescr i : pd.getFunctionImports()) imports.add(new RuleFile.Import(i.getTarget(), true, at(i, Location.UNKNOWN)));
            imports.sort(Comparator.comparingInt((RuleFile.Import i) -> i.at().line()).thenComparingInt(i -> i.at().column()));

            List<RuleFile.Declaration> declarations = new ArrayList<>();
            for (FunctionDescr f : pd.getFunctions()) declarations.add(declared("function", f.getName(), f));
            for (GlobalDescr g : pd.getGlobals()) declarations.add(declared("global", g.getIdentifier(), g));
            for (TypeDeclarationDescr t : pd.getTypeDeclarations()) declarations.add(declared("declare", t.getTypeName(), t));
            pd.getEnumDeclarations().forEach(e -> declarations.add(declared("enum", e.getTypeName(), e)));
            pd.getEntryPointDeclarations().forEach(e -> declarations.add(declared("entry-point", e.getEntryPointId(), e)));
            pd.getWindowDeclarations().forEach(w -> declarations.add(declared("window", w.getName(), w)));
            pd.getAccumulateImports().forEach(a -> declarations.add(declared("accumulate-import", a.getTarget(), a)));
            pd.getAttributes().forEach(a -> declarations.add(declared("attribute", a.getName(), a)));
            if (pd.getUnit() != null) declarations.add(declared("unit", pd.getUnit().getTarget(), pd.getUnit()));

            List<Rule> rules = new ArrayList<>();
            for (RuleDescr r : pd.getRules()) {
                if (r instanceof QueryDescr q) declarations.add(declared("query", q.getName(), q));
                else rules.add(rule(r));
            }
            return new RuleFile(file, source, pd.getName(), List.copyOf(imports), List.copyOf(declarations), List.copyOf(rules), List.of());
        }

        private RuleFile.Declaration declared(String kind, String name, BaseDescr d) {
            return new RuleFile.Declaration(kind, name, at(d, Location.UNKNOWN));
        }

        private Rule rule(RuleDescr r) {
            Location at = at(r, Location.UNKNOWN);
            List<Rule.Attribute> attributes = new ArrayList<>();
            for (AttributeDescr a : r.getAttributes().values()) attributes.add(new Rule.Attribute(a.getName(), a.getValue(), at(a, at)));
            List<Condition> conditions = new ArrayList<>();
            AndDescr lhs = r.getLhs();
            if (lhs != null) for (BaseDescr d : lhs.getDescrs()) conditions.add(condition(d, at));
            Rule.Consequence then = consequence(r, at);
            int metaEnd = !conditions.isEmpty() && conditions.get(0).at().known()
                    ? Location.offset(source, conditions.get(0).at().line(), conditions.get(0).at().column())
                    : then.offset() >= 0 ? then.offset() : source.length();
            List<Rule.Metadata> metadata = new ArrayList<>();
            for (String key : r.getAnnotationNames()) {
                AnnotationDescr a = r.getAnnotation(key);
                Map<String, String> values = new LinkedHashMap<>();
                a.getValueMap().forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
                metadata.add(new Rule.Metadata(key, values, metadataAt(a, key, at, metaEnd)));
            }
            metadata.sort(Comparator.comparingInt((Rule.Metadata m) -> m.at().line()).thenComparingInt(m -> m.at().column()));
            return new Rule(r.getName(), at, List.copyOf(attributes), List.copyOf(metadata), List.copyOf(conditions), then,
                    List.copyOf(r.getNamedConsequences().keySet()), r.getParentName());
        }

        /** Drools keeps no place for a rule's metadata: the first {@code @key(} after the rule's start. */
        private Location metadataAt(AnnotationDescr a, String key, Location rule, int end) {
            if (a.getLine() > 0) return at(a, rule);
            int from = rule.known() ? Location.offset(source, rule.line(), rule.column()) : 0;
            Matcher m = Pattern.compile("@" + Pattern.quote(key) + "\\s*\\(").matcher(source);
            m.region(from, Math.max(from, Math.min(end, source.length())));
            return m.find() ? Location.of(source, m.start()) : rule;
        }

        /** The consequence's text and where in the file it starts (found after the {@code then} Drools points at). */
        private Rule.Consequence consequence(RuleDescr r, Location rule) {
            String text = r.getConsequence() == null ? "" : r.getConsequence().toString();
            int from = r.getConsequenceLine() > 0 ? Location.offset(source, r.getConsequenceLine(), r.getConsequencePattern() + 1)
                    : rule.known() ? Location.offset(source, rule.line(), rule.column()) : 0;
            int offset = text.isEmpty() ? -1 : source.indexOf(text, from);
            Location at = offset >= 0 ? Location.of(source, offset)
                    : r.getConsequenceLine() > 0 ? new Location(r.getConsequenceLine(), r.getConsequencePattern() + 1) : rule;
            return new Rule.Consequence(text, offset, at);
        }

        private Condition condition(BaseDescr d, Location parent) {
            Location at = at(d, parent);
            if (d instanceof PatternDescr p) return pattern(p, parent);
            if (d instanceof NotDescr n) return group("not", n, at);
            if (d instanceof ExistsDescr e) return group("exists", e, at);
            if (d instanceof OrDescr o) return group("or", o, at);
            if (d instanceof AndDescr a) return group("and", a, at);
            if (d instanceof ForallDescr f) return group("forall", f, at);
            if (d instanceof EvalDescr e) return new Condition.Other("eval", String.valueOf(e.getContent()), at);
            return new Condition.Other(d.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT), d.getText(), at);
        }

        private Condition.Group group(String kind, ConditionalElementDescr ce, Location at) {
            List<Condition> members = new ArrayList<>();
            for (BaseDescr d : ce.getDescrs()) members.add(condition(d, at));
            return new Condition.Group(kind, List.copyOf(members), at);
        }

        private Condition.Pattern pattern(PatternDescr p, Location parent) {
            Location at = at(p, parent);
            List<Condition.Constraint> constraints = new ArrayList<>();
            List<String> extras = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraints.add(new Condition.Constraint(e.getExpression(), e.getType() == ExprConstraintDescr.Type.POSITIONAL, at(e, at)));
                } else {
                    extras.add(c.getClass().getSimpleName() + " " + c.getText());
                }
            }
            if (p.getBehaviors() != null && !p.getBehaviors().isEmpty()) extras.add("over window");
            if (!p.getAnnotations().isEmpty()) extras.add("@" + String.join(" @", p.getAnnotationNames()));
            if (p.isQuery()) extras.add("query");
            if (p.isUnification()) extras.add("unification");
            return new Condition.Pattern(p.getIdentifier(), p.getObjectType(), List.copyOf(constraints), source(p.getSource(), at),
                    List.copyOf(extras), at);
        }

        private Condition.Source source(PatternSourceDescr s, Location pattern) {
            if (s == null) return new Condition.WorkingMemory();
            Location at = at(s, pattern);
            if (s instanceof FromDescr f) return new Condition.From(f.getDataSource() == null ? f.getExpression() : f.getDataSource().toString(), at);
            if (s instanceof CollectDescr c) return new Condition.Collect(pattern(c.getInputPattern(), at), at);
            if (s instanceof AccumulateDescr a) return new Condition.OtherSource("accumulate", a.getText(), at);
            if (s instanceof EntryPointDescr e) return new Condition.OtherSource("entry-point", e.getEntryId(), at);
            return new Condition.OtherSource(s.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT), s.getText(), at);
        }

        /** Drools' line and column (from 0) as ours (from 1); {@code fallback} when Drools has none. */
        private static Location at(BaseDescr d, Location fallback) {
            return d.getLine() > 0 ? new Location(d.getLine(), Math.max(d.getColumn(), 0) + 1) : fallback;
        }
    }
}
