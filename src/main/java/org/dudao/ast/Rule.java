package org.dudao.ast;

import java.util.List;
import java.util.Map;

/**
 * One rule: its name, where it starts, its attributes ({@code salience -10}), its metadata
 * ({@code @id("KG-01")}, each value as written, quotes included), its conditions ({@code when}) and its
 * consequence ({@code then}), plus what a check must see though the shipped rules never use it: named
 * consequences and a parent rule ({@code extends}).
 */
public record Rule(String name, Location at, List<Attribute> attributes, List<Metadata> metadata, List<Condition> conditions,
                   Consequence consequence, List<String> namedConsequences, String parent) {

    /** The first metadata item with that key, or null. */
    public Metadata metadata(String key) {
        for (Metadata m : metadata) if (m.key().equals(key)) return m;
        return null;
    }

    /** A metadata item's value without its quotes ({@code @id("KG-01")}: KG-01), or null when the rule has none. */
    public String meta(String key) {
        Metadata m = metadata(key);
        return m == null ? null : m.value();
    }

    /** {@code salience -10}: the value as written. */
    public record Attribute(String name, String value, Location at) {}

    /** {@code @bound(">= 50%")}: each element's value as written ({@code value} for the single one). */
    public record Metadata(String key, Map<String, String> values, Location at) {
        /** The single value (or the one named {@code value}) without its quotes; "" when there is none. */
        public String value() {
            String v = values.containsKey("value") ? values.get("value") : values.size() == 1 ? values.values().iterator().next() : null;
            if (v == null) return "";
            v = v.strip();
            boolean quoted = v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"));
            return quoted ? v.substring(1, v.length() - 1) : v;
        }
    }

    /** The text between {@code then} and {@code end}, exactly as the compiler is given it, and where it begins. */
    public record Consequence(String text, int offset, Location at) {
        /** The place, in the file, of an offset within {@link #text}. */
        public Location locate(String fileSource, int index) {
            return offset < 0 ? at : Location.of(fileSource, offset + index);
        }
    }
}
