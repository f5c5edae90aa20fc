package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.MissingValue;
import org.dudao.model.Origin;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.model.Waiver;
import org.dudao.util.Packed;

import java.io.EOFException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The form a block of verdicts waits in on disk ({@link VerdictStore}): every field in a fixed order,
 * decimals exact, and the strings a block repeats (indicator, codes, file, sheet, unit, metric) once
 * a block. Read back it gives verdicts equal to those written, as {@link VerdictJson#writeExact}
 * shows. Only the run that wrote a block reads it, so the form has no version and no field names:
 * that is what makes it several times cheaper to write and read than Smile.
 */
final class VerdictCodec {
    private static final EntityKind[] KINDS = EntityKind.values();
    private static final Status[] STATUSES = Status.values();
    /** Which of a verdict's optional parts follow. */
    private static final int WAIVER = 1, MISSING = 2, MISSING_VALUES = 4, EVIDENCE = 8, CHILDREN = 16, PARAMETERS = 32;

    private VerdictCodec() {}

    static byte[] encode(List<Verdict> verdicts) {
        Packed.Out o = new Packed.Out(verdicts.size() * 256 + 16);
        o.writeVar(verdicts.size());
        for (Verdict v : verdicts) write(o, v);
        return o.toByteArray();
    }

    static List<Verdict> decode(byte[] bytes) throws IOException {
        Packed.In in = new Packed.In(bytes);
        int n = in.readVar();
        List<Verdict> out = new ArrayList<>(Math.min(n, bytes.length));
        try {
            for (int i = 0; i < n; i++) out.add(read(in));
        } catch (RuntimeException e) { // a damaged block: a code out of range, a verdict without status …
            throw new IOException("暂存块已损坏（" + e + "）", e);
        }
        if (!in.atEnd()) throw new IOException("暂存块在 " + n + " 条结论之后还有数据");
        return out;
    }

    private static void write(Packed.Out o, Verdict v) {
        o.writeShared(v.getIndicator());
        o.writeShared(v.getName());
        o.writeByte(v.getKind().ordinal());
        o.writeShared(v.getEntityCode());
        o.writeShared(v.getEntityName());
        o.writeShared(v.getParentCode());
        o.writeVar(v.getYear());
        o.writeByte(v.getStatus().ordinal());
        o.writeDecimal(v.getObserved());
        o.writeString(v.getObservedText());
        o.writeShared(v.getBound());
        o.writeShared(v.getFormula());
        o.writeString(v.getMessage());
        o.writeShared(v.getSource());
        o.writeShared(v.getPart());
        o.writeDecimal(v.getLimit());
        o.writeShared(v.getBoundOrigin());
        int flags = (v.getWaiver() != null ? WAIVER : 0) | (v.getMissing().isEmpty() ? 0 : MISSING)
                | (v.getMissingValues().isEmpty() ? 0 : MISSING_VALUES) | (v.getEvidence().isEmpty() ? 0 : EVIDENCE)
                | (v.getChildren().isEmpty() ? 0 : CHILDREN) | (v.getParameters().isEmpty() ? 0 : PARAMETERS);
        o.writeByte(flags);
        if (v.getWaiver() != null) {
            Waiver w = v.getWaiver();
            o.writeString(w.reason());
            o.writeString(w.approver());
            o.writeShared(w.expires().toString());
            o.writeString(w.origin());
        }
        if (!v.getMissing().isEmpty()) strings(o, v.getMissing());
        if (!v.getMissingValues().isEmpty()) {
            o.writeVar(v.getMissingValues().size());
            for (MissingValue m : v.getMissingValues()) {
                o.writeShared(m.entity());
                o.writeShared(m.sheet());
                o.writeShared(m.metric());
                o.writeVar(m.year() == null ? 0 : m.year() + 1);
                strings(o, m.alternatives());
                o.writeString(m.note());
            }
        }
        if (!v.getEvidence().isEmpty()) {
            o.writeVar(v.getEvidence().size());
            for (Metric m : v.getEvidence()) {
                o.writeShared(m.getKey());
                o.writeShared(m.getEntityCode());
                o.writeVar(m.getYear());
                o.writeDecimal(m.getValue());
                o.writeShared(m.getText());
                o.writeShared(m.getUnit());
                origin(o, m.getOrigin());
            }
        }
        if (!v.getChildren().isEmpty()) {
            o.writeVar(v.getChildren().size());
            for (ChildFinding c : v.getChildren()) {
                o.writeShared(c.entity());
                o.writeShared(c.entityName());
                o.writeByte(c.status().ordinal());
                o.writeString(c.message());
                o.writeVar(c.cells().size());
                for (Origin cell : c.cells()) origin(o, cell);
            }
        }
        if (!v.getParameters().isEmpty()) strings(o, v.getParameters());
    }

    private static Verdict read(Packed.In in) throws IOException {
        String indicator = in.readShared(), name = in.readShared();
        EntityKind level = KINDS[in.readByte()];
        String entity = in.readShared(), entityName = in.readShared(), parent = in.readShared();
        int year = in.readVar();
        Verdict.Builder b = Verdict.restore(indicator, level, entity, entityName, parent, year).name(name)
                .status(STATUSES[in.readByte()]);
        b.observed(in.readDecimal(), in.readString()).bound(in.readShared()).formula(in.readShared()).message(in.readString())
                .source(in.readShared()).part(in.readShared()).limit(in.readDecimal()).boundOrigin(in.readShared());
        int flags = in.readByte();
        if ((flags & WAIVER) != 0) {
            String reason = in.readString(), approver = in.readString();
            LocalDate expires = LocalDate.parse(in.readShared());
            b.waiver(new Waiver(indicator, entity, year, reason, approver, expires, in.readString()));
        }
        if ((flags & MISSING) != 0) b.missing(strings(in));
        if ((flags & MISSING_VALUES) != 0) {
            int n = in.readVar();
            List<MissingValue> missing = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String e = in.readShared(), sheet = in.readShared(), metric = in.readShared();
                int y = in.readVar();
                missing.add(new MissingValue(e, sheet, metric, y == 0 ? null : y - 1, strings(in), in.readString()));
            }
            b.missingValues(missing);
        }
        if ((flags & EVIDENCE) != 0) {
            int n = in.readVar();
            List<Metric> evidence = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String key = in.readShared(), e = in.readShared();
                int y = in.readVar();
                evidence.add(new Metric(e, y, key, in.readDecimal(), in.readShared(), in.readShared(), origin(in)));
            }
            b.evidence(evidence);
        }
        if ((flags & CHILDREN) != 0) {
            int n = in.readVar();
            List<ChildFinding> children = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String e = in.readShared(), eName = in.readShared();
                Status s = STATUSES[in.readByte()];
                String message = in.readString();
                int cells = in.readVar();
                List<Origin> origins = new ArrayList<>(cells);
                for (int j = 0; j < cells; j++) origins.add(origin(in));
                children.add(new ChildFinding(e, eName, s, message, origins));
            }
            b.children(children);
        }
        if ((flags & PARAMETERS) != 0) b.parameters(strings(in));
        return b.build();
    }

    private static void strings(Packed.Out o, List<String> list) {
        o.writeVar(list.size());
        for (String s : list) o.writeShared(s);
    }

    private static List<String> strings(Packed.In in) throws EOFException {
        int n = in.readVar();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(in.readShared());
        return out;
    }

    private static void origin(Packed.Out o, Origin origin) {
        o.writeBoolean(origin != null);
        if (origin == null) return;
        o.writeShared(origin.getFile());
        o.writeShared(origin.getSheet());
        o.writeString(origin.getCell());
    }

    private static Origin origin(Packed.In in) throws EOFException {
        if (!in.readBoolean()) return null;
        return new Origin(in.readShared(), in.readShared(), in.readString());
    }
}
