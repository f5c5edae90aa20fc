package org.dudao.ruletest;

import org.dudao.model.Status;

/**
 * One verdict a fixture expects: indicator, unit (entity code), year (null: the latest year of the
 * fixture), part (学段 of a per-part verdict, null: every verdict of the unit) and status, with the
 * place it was written ({@code 期望结果!D5} or {@code x.期望结果.csv 第5行}).
 */
public record Expectation(String indicator, String entity, Integer year, String part, Status status, String where) {

    /** Parses a status written as its Chinese label (达标) or its English name (PASS); null when it is neither. */
    public static Status status(String text) {
        if (text == null) return null;
        String t = text.strip();
        for (Status s : Status.values()) {
            if (s.label().equals(t) || s.name().equalsIgnoreCase(t)) return s;
        }
        return null;
    }

    @Override public String toString() {
        return indicator + " " + entity + (part == null ? "" : "（" + part + "）") + (year == null ? "" : " " + year + "年") + " " + status.label();
    }
}
