package org.dudao.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** cmd.exe users type {@code 数据\*.xlsx}: on Windows the backslash of a glob is a separator, elsewhere it stays an escape. */
class GlobSeparatorTest {
    @Test
    void a_backslash_is_a_separator_on_windows_only() {
        assertThat(InputFinder.portable("数据\\*.xlsx", '\\')).isEqualTo("数据/*.xlsx");
        assertThat(InputFinder.portable("数据\\*.xlsx", '/')).isEqualTo("数据\\*.xlsx");
    }
}
