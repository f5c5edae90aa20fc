package org.dudao.cli;

import org.dudao.api.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Console output in the console's charset: GBK on a Chinese Windows console, UTF-8 into a file, --encoding to say otherwise. */
class ConsoleEncodingTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir Path tmp;

    @Test
    void a_terminal_gets_its_own_charset_unless_it_cannot_show_chinese_and_a_file_gets_utf_8() {
        assertThat(ConsoleEncoding.choose(true, null, null, "GBK", null)).isEqualTo(GBK);
        assertThat(ConsoleEncoding.choose(true, "no-such-charset", "GB18030")).isEqualTo(Charset.forName("GB18030"));
        // LANG=C's ASCII says nothing about the terminal
        assertThat(ConsoleEncoding.choose(true, "ANSI_X3.4-1968", "GBK")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleEncoding.choose(true)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ConsoleEncoding.choose(false, "GBK")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void the_encoding_option_is_read_before_the_command_line_is_parsed() {
        assertThat(ConsoleEncoding.explicit("evaluate", "--encoding", "GBK", "a.xlsx")).isEqualTo("GBK");
        assertThat(ConsoleEncoding.explicit("--encoding=GB18030", "rules", "list")).isEqualTo("GB18030");
        assertThat(ConsoleEncoding.explicit("evaluate", "--", "--encoding")).isNull();
        assertThat(ConsoleEncoding.detect("--encoding", "gbk")).isEqualTo(new ConsoleEncoding(GBK, GBK));
    }

    @Test
    void a_windows_console_in_gbk_is_written_in_gbk_and_a_redirected_run_in_utf_8() throws Exception {
        // Java 17 on Windows sets sun.stdout.encoding when standard output is a console
        Forked console = Forked.run(tmp, Map.of(), List.of("-Dsun.stdout.encoding=GBK"), "evaluate", "--help");
        assertThat(new String(console.stdout(), GBK)).contains("核查工作簿中的统计数据");
        Forked file = Forked.run(tmp, Map.of(), List.of(), "evaluate", "--help");
        assertThat(file.out()).contains("核查工作簿中的统计数据");
        assertThat(file.stdout()).isNotEqualTo(console.stdout());
    }

    @Test
    void encoding_names_the_charset_and_an_unknown_one_is_a_usage_error() throws Exception {
        Forked gbk = Forked.run(tmp, Map.of(), List.of(), "evaluate", "--encoding", "GBK", "--help");
        assertThat(gbk.exit()).isZero();
        assertThat(new String(gbk.stdout(), GBK)).contains("核查工作簿中的统计数据").contains("--encoding=CHARSET");
        Forked unknown = Forked.run(tmp, Map.of(), List.of(), "--encoding", "KLINGON", "rules", "list");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(unknown.err()).contains("不认识的字符编码“KLINGON”");
    }
}
