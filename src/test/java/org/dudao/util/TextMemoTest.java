package org.dudao.util;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextMemoTest {
    @Test
    void a_text_is_read_once_while_there_is_room_and_every_time_after() {
        AtomicInteger reads = new AtomicInteger();
        Function<String, Integer> length = s -> {
            reads.incrementAndGet();
            return s.length();
        };
        TextMemo<Integer> memo = new TextMemo<>(1);
        assertThat(memo.get("abc", length)).isEqualTo(3);
        assertThat(memo.get("abc", length)).isEqualTo(3);
        assertThat(reads).hasValue(1);
        assertThat(memo.get("de", length)).isEqualTo(2);
        assertThat(memo.get("de", length)).as("full: answered, not held").isEqualTo(2);
        assertThat(reads).hasValue(3);
    }

    @Test
    void a_text_whose_reading_fails_fails_every_time() {
        AtomicInteger reads = new AtomicInteger();
        TextMemo<Integer> memo = new TextMemo<>(10);
        Function<String, Integer> bad = s -> {
            reads.incrementAndGet();
            throw new IllegalArgumentException(s);
        };
        assertThatThrownBy(() -> memo.get("x", bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memo.get("x", bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reads).hasValue(2);
    }
}
