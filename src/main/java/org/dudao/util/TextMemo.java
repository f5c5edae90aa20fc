package org.dudao.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function of a text, kept for the texts asked again (a rule's bound, an
 * indicator's name: asked by each of its verdicts). Thread-safe; holds at most {@code max} texts, so a
 * wrong rule folder with endless distinct texts costs time, not heap. A function that throws keeps nothing.
 */
public final class TextMemo<V> {
    private final Map<String, V> held = new ConcurrentHashMap<>();
    private final int max;

    public TextMemo(int max) {
        this.max = max;
    }

    public V get(String text, Function<String, V> read) {
        V v = held.get(text);
        if (v == null) {
            v = read.apply(text);
            if (held.size() < max) held.put(text, v);
        }
        return v;
    }
}
