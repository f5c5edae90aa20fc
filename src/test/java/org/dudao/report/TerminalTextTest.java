package org.dudao.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @Test
    void the_fast_test_passes_no_character_that_would_be_replaced() {
        int plain = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (!TerminalText.plain(c)) continue;
            plain++;
            assertThat(TerminalText.replacement(c)).as("U+%04X", i).isNull();
        }
        assertThat(plain).as("nearly every character is told at once").isGreaterThan(60_000);
    }

    @Test
    void controls_line_breaks_and_bidi_marks_are_written_out() {
        assertThat(TerminalText.safe("县\u001B[31m名\r\n\t\u202E甲\u061C乙“丙”\u00a0丁")).isEqualTo("县\\u001B[31m名\\r\\n\\t\\u202E甲\\u061C乙“丙”\u00a0丁");
        String name = "二县城关小学";
        assertThat(TerminalText.safe(name)).as("nothing to write out: the same string").isSameAs(name);
    }
}
