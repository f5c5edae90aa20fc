package org.dudao.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.dudao.model.ChildFinding;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.model.Waiver;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A verdict as a JSON object: the form {@code report.json} documents ({@code docs/report-json.md}),
 * where cited values are referred to by index ({@link Refs}), and the self-contained form verdicts
 * are kept in on disk while a large run waits for its report ({@link #writeExact}), which {@link #read}
 * turns back into an equal verdict. Works with any Jackson generator
 * and parser (text JSON for the report, Smile for the spill).
 */
public final class VerdictJson {
    private VerdictJson() {}

    /**
     * How report.json ({@code dudao.report/2}) refers to what a verdict cites: a value by its index in
     * the report's {@code values}, a file by its index in {@code files}, and at most {@link #childLimit}
     * children listed (the full count is {@code childrenCount}).
     */
    public interface Refs {
        int value(Metric m);

        /** The file's index, or null for a cell that names no file. */
        Integer file(String file);

        int childLimit();

        /** The catalogue's name of the indicator: a verdict's own name is written only when it differs. */
        String indicatorName(String indicator);

        /** The catalogue's source of the indicator: a verdict's own source is written only when it differs. */
        String indicatorSource(String indicator);
    }

    /** Writes the verdict as report.json has it: decimals rounded to at most 10 places (see {@link #number}), evidence by reference. */
    public static void write(JsonGenerator g, Verdict v, Refs refs) throws IOException {
        write(g, v, false, refs);
    }

    /** Writes the verdict with every decimal and every cited value in full, so that {@link #read} gives an equal verdict back. */
    public static void writeExact(JsonGenerator g, Verdict v) throws IOException {
        write(g, v, true, null);
    }

    private static void write(JsonGenerator g, Verdict v, boolean exact, Refs refs) throws IOException {
        g.writeStartObject();
        g.writeStringField("indicator", v.getIndicator());
        if (refs == null || !Objects.equals(v.getName(), refs.indicatorName(v.getIndicator()))) g.writeStringField("name", v.getName());
        g.writeStringField("level", v.getLevel());
        g.writeStringField("entity", v.getEntityCode());
        g.writeStringField("entityName", v.getEntityName());
        if (v.getPart() != null) g.writeStringField("part", v.getPart());
        g.writeStringField("parent", v.getParentCode());
        g.writeNumberField("year", v.getYear());
        g.writeStringField("status", v.getStatus().name());
        if (refs == null) g.writeStringField("statusLabel", v.getStatus().label()); // report.json: top-level statusLabels
        number(g, "observed", v.getObserved(), exact);
        g.writeStringField("observedText", v.getObservedText());
        g.writeStringField("bound", v.getBound());
        if (v.getLimit() != null) number(g, "limit", v.getLimit(), exact);
        if (!v.getParameters().isEmpty()) {
            g.writeArrayFieldStart("parameters");
            for (String p : v.getParameters()) g.writeString(p);
            g.writeEndArray();
        }
        if (v.getBoundOrigin() != null) g.writeStringField("boundOrigin", v.getBoundOrigin());
        // what is empty is left out (a reader takes an absent formula or waiver as null, an absent list as empty)
        if (v.getFormula() != null) g.writeStringField("formula", v.getFormula());
        g.writeStringField("message", v.getMessage());
        if (refs == null || !Objects.equals(v.getSource(), refs.indicatorSource(v.getIndicator()))) g.writeStringField("source", v.getSource());
        if (v.getWaiver() != null) {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", v.getWaiver().reason());
            g.writeStringField("approver", v.getWaiver().approver());
            g.writeStringField("expires", v.getWaiver().expires().toString());
            g.writeBooleanField("active", v.getStatus() == Status.WAIVED);
            g.writeStringField("origin", v.getWaiver().origin());
            g.writeEndObject();
        }
        if (!v.getMissing().isEmpty()) {
            g.writeArrayFieldStart("missing");
            for (String m : v.getMissing()) g.writeString(m);
            g.writeEndArray();
        }
        if (!v.getMissingValues().isEmpty()) {
            g.writeArrayFieldStart("missingValues");
            for (MissingValue m : v.getMissingValues()) missingValue(g, m);
            g.writeEndArray();
        }
        if (!v.getEvidence().isEmpty()) {
            g.writeArrayFieldStart("evidence");
            for (Metric m : v.getEvidence()) {
                if (refs == null) evidence(g, m, exact);
                else g.writeNumber(refs.value(m));
            }
            g.writeEndArray();
        }
        List<ChildFinding> children = v.getChildren();
        if (!children.isEmpty()) {
            if (refs != null) {
                g.writeNumberField("childrenCount", v.getChildrenCount());
                children = children.subList(0, Math.min(children.size(), refs.childLimit()));
            } else if (v.getChildrenCount() > children.size()) {
                g.writeNumberField("childrenCount", v.getChildrenCount()); // a region's list cut at its first 1,000
            }
            g.writeArrayFieldStart("children");
            for (ChildFinding c : children) {
                g.writeStartObject();
                g.writeStringField("entity", c.entity());
                g.writeStringField("entityName", c.entityName());
                g.writeStringField("status", c.status().name());
                g.writeStringField("message", c.message());
                g.writeArrayFieldStart("cells");
                for (Origin o : c.cells()) origin(g, o, refs);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, Metric m, boolean exact) throws IOException {
        g.writeStartObject();
        g.writeStringField("metric", m.getKey());
        g.writeStringField("entity", m.getEntityCode());
        g.writeNumberField("year", m.getYear());
        number(g, "value", m.getValue(), exact);
        g.writeStringField("text", m.getText());
        g.writeStringField("unit", m.getUnit());
        g.writeStringField("file", m.getOrigin().getFile());
        g.writeStringField("sheet", m.getOrigin().getSheet());
        g.writeStringField("cell", m.getOrigin().getCell());
        g.writeEndObject();
    }

    private static void missingValue(JsonGenerator g, MissingValue m) throws IOException {
        g.writeStartObject();
        g.writeStringField("entity", m.entity());
        g.writeStringField("sheet", m.sheet());
        g.writeStringField("metric", m.metric());
        if (m.year() == null) g.writeNullField("year");
        else g.writeNumberField("year", m.year());
        g.writeArrayFieldStart("alternatives");
        for (String a : m.alternatives()) g.writeString(a);
        g.writeEndArray();
        g.writeStringField("note", m.note());
        g.writeEndObject();
    }

    private static void origin(JsonGenerator g, Origin o, Refs refs) throws IOException {
        g.writeStartObject();
        if (refs == null) {
            g.writeStringField("file", o.getFile());
        } else {
            Integer file = refs.file(o.getFile());
            g.writeFieldName("file");
            if (file == null) g.writeNull();
            else g.writeNumber(file);
        }
        g.writeStringField("sheet", o.getSheet());
        g.writeStringField("cell", o.getCell());
        g.writeEndObject();
    }

    /** Decimals as JSON numbers, at most 10 places and without trailing zeros, so the bytes stay stable. */
    public static void number(JsonGenerator g, String field, BigDecimal n) throws IOException {
        number(g, field, n, false);
    }

    private static void number(JsonGenerator g, String field, BigDecimal n, boolean exact) throws IOException {
        if (n == null) {
            g.writeNullField(field);
            return;
        }
        if (exact) {
            g.writeNumberField(field, n);
            return;
        }
        BigDecimal r = n.scale() > 10 ? n.setScale(10, RoundingMode.HALF_EVEN) : n;
        r = r.stripTrailingZeros();
        if (r.scale() < 0) r = r.setScale(0);
        g.writeNumberField(field, r);
    }

    /**
     * Reads the verdict object the parser is at (its START_OBJECT is the current token, or the next
     * one), leaving the parser on its END_OBJECT. Fields it does not know are skipped, so a newer
     * writer's additions do not break an older reader.
     */
    public static Verdict read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT && p.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected a verdict object");
        }
        String indicator = null, name = null, entity = null, entityName = null, part = null, parent = null;
        String observedText = null, bound = null, formula = null, message = null, source = null, boundOrigin = null;
        EntityKind level = null;
        Status status = null;
        int year = 0;
        BigDecimal observed = null, limit = null;
        String[] waiver = null;
        List<String> missing = List.of(), parameters = List.of();
        List<MissingValue> missingValues = List.of();
        List<Metric> evidence = List.of();
        List<ChildFinding> children = List.of();
        int childrenCount = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "indicator" -> indicator = p.getValueAsString();
                case "name" -> name = p.getValueAsString();
                case "level" -> level = kind(p, p.getValueAsString());
                case "entity" -> entity = p.getValueAsString();
                case "entityName" -> entityName = p.getValueAsString();
                case "part" -> part = p.getValueAsString();
                case "parent" -> parent = p.getValueAsString();
                case "year" -> year = p.getIntValue();
                case "status" -> status = Status.valueOf(p.getValueAsString());
                case "observed" -> observed = t == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
                case "observedText" -> observedText = p.getValueAsString();
                case "bound" -> bound = p.getValueAsString();
                case "limit" -> limit = t == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
                case "formula" -> formula = p.getValueAsString();
                case "message" -> message = p.getValueAsString();
                case "source" -> source = p.getValueAsString();
                case "waiver" -> waiver = t == JsonToken.VALUE_NULL ? null : waiver(p);
                case "missing" -> missing = strings(p);
                case "missingValues" -> missingValues = missingValues(p);
                case "parameters" -> parameters = strings(p);
                case "boundOrigin" -> boundOrigin = p.getValueAsString();
                case "evidence" -> evidence = evidence(p);
                case "children" -> children = children(p);
                case "childrenCount" -> childrenCount = p.getIntValue();
                default -> p.skipChildren();
            }
        }
        if (indicator == null || level == null || entity == null || status == null) {
            throw new JsonParseException(p, "verdict without indicator, level, entity or status");
        }
        Verdict.Builder b = Verdict.restore(indicator, level, entity, entityName, parent, year).name(name).status(status)
                .observed(observed, observedText).bound(bound).formula(formula).message(message).source(source)
                .missing(missing).evidence(evidence).children(children, childrenCount).part(part).limit(limit)
                .missingValues(missingValues).parameters(parameters).boundOrigin(boundOrigin);
        if (waiver != null) {
            b.waiver(new Waiver(indicator, entity, year, waiver[0], waiver[1], LocalDate.parse(waiver[2]), waiver[3]));
        }
        return b.build();
    }

    private static EntityKind kind(JsonParser p, String label) throws IOException {
        for (EntityKind k : EntityKind.values()) if (k.label().equals(label)) return k;
        throw new JsonParseException(p, "unknown level: " + label);
    }

    /** reason, approver, expires, origin. */
    private static String[] waiver(JsonParser p) throws IOException {
        String[] w = new String[4];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "reason" -> w[0] = p.getValueAsString();
                case "approver" -> w[1] = p.getValueAsString();
                case "expires" -> w[2] = p.getValueAsString();
                case "origin" -> w[3] = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        return w;
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(p.getValueAsString());
        return out;
    }

    private static List<MissingValue> missingValues(JsonParser p) throws IOException {
        List<MissingValue> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String entity = null, sheet = null, metric = null, note = null;
            Integer year = null;
            List<String> alternatives = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "entity" -> entity = p.getValueAsString();
                    case "sheet" -> sheet = p.getValueAsString();
                    case "metric" -> metric = p.getValueAsString();
                    case "year" -> year = t == JsonToken.VALUE_NULL ? null : p.getIntValue();
                    case "alternatives" -> alternatives = strings(p);
                    case "note" -> note = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            out.add(new MissingValue(entity, sheet, metric, year, alternatives, note));
        }
        return out;
    }

    private static List<Metric> evidence(JsonParser p) throws IOException {
        List<Metric> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String key = null, entity = null, text = null, unit = null, file = null, sheet = null, cell = null;
            int year = 0;
            BigDecimal value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "metric" -> key = p.getValueAsString();
                    case "entity" -> entity = p.getValueAsString();
                    case "year" -> year = p.getIntValue();
                    case "value" -> value = t == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
                    case "text" -> text = p.getValueAsString();
                    case "unit" -> unit = p.getValueAsString();
                    case "file" -> file = p.getValueAsString();
                    case "sheet" -> sheet = p.getValueAsString();
                    case "cell" -> cell = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            out.add(new Metric(entity, year, key, value, text, unit, new Origin(file, sheet, cell)));
        }
        return out;
    }

    private static List<ChildFinding> children(JsonParser p) throws IOException {
        List<ChildFinding> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String entity = null, entityName = null, message = null;
            Status status = null;
            List<Origin> cells = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "entity" -> entity = p.getValueAsString();
                    case "entityName" -> entityName = p.getValueAsString();
                    case "status" -> status = Status.valueOf(p.getValueAsString());
                    case "message" -> message = p.getValueAsString();
                    case "cells" -> cells = origins(p);
                    default -> p.skipChildren();
                }
            }
            out.add(new ChildFinding(entity, entityName, status, message, cells));
        }
        return out;
    }

    private static List<Origin> origins(JsonParser p) throws IOException {
        List<Origin> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String file = null, sheet = null, cell = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "file" -> file = p.getValueAsString();
                    case "sheet" -> sheet = p.getValueAsString();
                    case "cell" -> cell = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            out.add(new Origin(file, sheet, cell));
        }
        return out;
    }
}
