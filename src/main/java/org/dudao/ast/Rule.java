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

    /** {@code salience -10}: the value as written. */
    public record Attribute(String name, String value, Location at) {}

    /** {@code @bound(">= 50%")}: each element's value as written ({@code value} for the single one). */
    public record Metadata(String key, Map<String, String> values, Location at) {}

    /** The text between {@code then} and {@code end}, exactly as the compiler is given it, and where it begins. */
    public record Consequence(String text, int offset, Location at) {
        /** The place, in the file, of an offset within {@link #text}. */
        public Location locate(String fileSource, int index) {
            return offset < 0 ? at : Location.of(fileSource, offset + index);
        }
    }
}
