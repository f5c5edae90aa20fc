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
        if (!v.getMissingValues().isEmpty()) list(o, v.getMissingValues(), VerdictCodec::missingValue);
        if (!v.getEvidence().isEmpty()) list(o, v.getEvidence(), VerdictCodec::metric);
        if (!v.getChildren().isEmpty()) {
            list(o, v.getChildren(), VerdictCodec::child);
            o.writeVar(v.getChildrenCount());
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
        if ((flags & MISSING_VALUES) != 0) b.missingValues(list(in, VerdictCodec::missingValue));
        if ((flags & EVIDENCE) != 0) b.evidence(list(in, VerdictCodec::metric));
        if ((flags & CHILDREN) != 0) b.children(list(in, VerdictCodec::child), in.readVar());
        if ((flags & PARAMETERS) != 0) b.parameters(strings(in));
        return b.build();
    }

    /** How one element of a list is read back. */
    private interface Reader<T> {
        T read(Packed.In in) throws EOFException;
    }

    /** How one element of a list is written. */
    private interface Writer<T> {
        void write(Packed.Out o, T item);
    }

    private static <T> void list(Packed.Out o, List<T> items, Writer<T> writer) {
        o.writeVar(items.size());
        for (T item : items) writer.write(o, item);
    }

    private static <T> List<T> list(Packed.In in, Reader<T> reader) throws EOFException {
        int n = in.readVar();
        List<T> out = new ArrayList<>(Math.min(n, 64)); // a damaged count must not claim the heap before the data runs out
        for (int i = 0; i < n; i++) out.add(reader.read(in));
        return out;
    }

    private static void strings(Packed.Out o, List<String> list) { list(o, list, Packed.Out::writeShared); }

    private static List<String> strings(Packed.In in) throws EOFException { return list(in, Packed.In::readShared); }

    private static void missingValue(Packed.Out o, MissingValue m) {
        o.writeShared(m.entity());
        o.writeShared(m.sheet());
        o.writeShared(m.metric());
        o.writeVar(m.year() == null ? 0 : m.year() + 1);
        strings(o, m.alternatives());
        o.writeString(m.note());
    }

    private static MissingValue missingValue(Packed.In in) throws EOFException {
        String e = in.readShared(), sheet = in.readShared(), metric = in.readShared();
        int y = in.readVar();
        return new MissingValue(e, sheet, metric, y == 0 ? null : y - 1, strings(in), in.readString());
    }

    private static void metric(Packed.Out o, Metric m) {
        o.writeShared(m.getKey());
        o.writeShared(m.getEntityCode());
        o.writeVar(m.getYear());
        o.writeDecimal(m.getValue());
        o.writeShared(m.getText());
        o.writeShared(m.getUnit());
        origin(o, m.getOrigin());
    }

    private static Metric metric(Packed.In in) throws EOFException {
        String key = in.readShared(), e = in.readShared();
        int y = in.readVar();
        return new Metric(e, y, key, in.readDecimal(), in.readShared(), in.readShared(), origin(in));
    }

    private static void child(Packed.Out o, ChildFinding c) {
        o.writeShared(c.entity());
        o.writeShared(c.entityName());
        o.writeByte(c.status().ordinal());
        o.writeString(c.message());
        list(o, c.cells(), VerdictCodec::origin);
    }

    private static ChildFinding child(Packed.In in) throws EOFException {
        String e = in.readShared(), eName = in.readShared();
        Status s = STATUSES[in.readByte()];
        String message = in.readString();
        return new ChildFinding(e, eName, s, message, list(in, VerdictCodec::origin));
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
