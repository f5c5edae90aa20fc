package org.dudao.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The run page's counts are the status figures report.html and the batch summary show (parts/figure.jte), in the console's style. */
class RunPageTest {
    @Test
    void a_finished_run_shows_its_counts_as_status_figures() {
        RunState run = new RunState();
        run.id = 7;
        run.state = RunState.State.DONE;
        run.stage = "完成";
        run.user = "张三";
        run.createdAt = "2026-01-01T00:00:00Z";
        run.counts = new LinkedHashMap<>(Map.of("FAIL", 3));
        run.counts.put("PASS", 40);
        String html = Pages.render("run", Map.of("page", new Page("第 7 次运行", "run", null, "", false), "run", run, "position", 0));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#counts .figure").outerHtml())
                .isEqualTo("<div class=\"figure s-FAIL\">\n 不达标<b>3</b>\n</div>\n<div class=\"figure s-PASS\">\n 达标<b>40</b>\n</div>");
        assertThat(html).contains("<div class=\"figure s-FAIL\">不达标<b>3</b></div>\n<div class=\"figure s-PASS\">达标<b>40</b></div>\n</div>");
    }
}
