package org.dudao.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's parts on their own: the run store across a restart, the queue, content types, users and their regions. */
class ConsolePartsTest {
    @TempDir Path dir;

    @Test
    void a_restart_keeps_finished_runs_and_marks_unfinished_ones_interrupted() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RunStore store = RunStore.open(dir, json);
        for (RunState.State st : new RunState.State[]{RunState.State.DONE, RunState.State.RUNNING, RunState.State.QUEUED}) {
            RunState s = new RunState();
            s.id = store.allocate();
            s.state = st;
            store.put(s);
        }
        Files.createDirectories(dir.resolve("9")); // an upload that never got its state file
        RunStore again = RunStore.open(dir, json);
        assertThat(again.get(1).orElseThrow().state).isEqualTo(RunState.State.DONE);
        assertThat(again.get(2).orElseThrow().state).isEqualTo(RunState.State.INTERRUPTED);
        assertThat(again.get(3).orElseThrow().state).isEqualTo(RunState.State.INTERRUPTED);
        assertThat(again.get(3).orElseThrow().message).contains("未完成");
        assertThat(again.allocate()).isEqualTo(10); // ids are never reused
        assertThat(RunStore.open(dir, json).get(2).orElseThrow().state).isEqualTo(RunState.State.INTERRUPTED);
        // a run's thread that goes on after the stop cannot make it look finished
        again.update(2, r -> r.state = RunState.State.DONE);
        assertThat(again.get(2).orElseThrow().state).isEqualTo(RunState.State.INTERRUPTED);
        assertThat(RunStore.open(dir, json).get(2).orElseThrow().state).isEqualTo(RunState.State.INTERRUPTED);
    }

    @Test
    void the_queue_runs_jobs_at_a_time_tells_places_and_refuses_beyond_its_capacity() throws Exception {
        RunQueue q = new RunQueue(1, 2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThat(q.submit(1, () -> {
                started.countDown();
                await(release);
            })).isTrue();
            started.await();
            assertThat(q.submit(2, () -> {})).isTrue();
            assertThat(q.submit(3, () -> {})).isTrue();
            assertThat(q.position(1)).isZero();
            assertThat(q.position(2)).isEqualTo(1);
            assertThat(q.position(3)).isEqualTo(2);
            assertThat(q.submit(4, () -> {})).isFalse();
            assertThat(q.waiting()).containsExactly(2L, 3L);
        } finally {
            release.countDown();
            q.shutdown();
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void content_decides_the_type() throws Exception {
        assertThat(UploadType.of(ConsoleFixture.sample(2024))).isEqualTo(UploadType.XLSX);
        assertThat(UploadType.of(Files.write(dir.resolve("a.bin"), "地区代码,年度\n330102,2024\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(UploadType.CSV);
        assertThat(UploadType.of(Files.write(dir.resolve("gbk.txt"), "地区代码,年度\n".getBytes(Charset.forName("GB18030")))))
                .isEqualTo(UploadType.CSV);
        assertRefused(Files.write(dir.resolve("x.xlsx"), new byte[]{0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34}), "PDF");
        assertRefused(Files.write(dir.resolve("y.xlsx"), new byte[]{1, 2, 3, 0, 5, 6, 7, 8, 9}), "二进制");
        assertRefused(Files.write(dir.resolve("z.csv"), "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)), "HTML");
        assertRefused(Files.write(dir.resolve("e.xlsx"), new byte[0]), "为空");
        assertRefused(Files.write(dir.resolve("d.xlsx"), ConsoleApiTest.zip("word/document.xml", "<w/>")), "不是 Excel");
    }

    private static void assertRefused(Path file, String why) {
        assertThatThrownBy(() -> UploadType.of(file)).isInstanceOf(UploadType.Refused.class).hasMessageContaining(why);
    }

    @Test
    void a_user_limited_to_a_region_covers_it_and_what_lies_below_it() {
        User city = new User("c", Role.VIEW, null, "330100");
        assertThat(city.covers("330100")).isTrue();
        assertThat(city.covers("330102")).isTrue();
        assertThat(city.covers("330200")).isFalse();
        assertThat(city.covers("330000")).isFalse();
        assertThat(city.covers("控制台:3")).isFalse();
        User province = new User("p", Role.VIEW, null, "330000");
        assertThat(province.covers("330102")).isTrue();
        assertThat(province.covers("340102")).isFalse();
        assertThat(new User("a", Role.VIEW, null, null).covers("anything")).isTrue();
        assertThat(Role.parse("评估")).isEqualTo(Role.EVALUATE);
        assertThat(Role.VIEW.allows(Role.EVALUATE)).isFalse();
        assertThat(Role.ADMIN.allows(Role.EVALUATE)).isTrue();
    }

    @Test
    void passwords_are_checked_and_kept_as_bcrypt_hashes() throws Exception {
        Path file = dir.resolve("users.csv");
        Users users = Users.read(file);
        users.put("张三", Role.EVALUATE, "correct horse", "330100");
        Users read = Users.read(file);
        assertThat(read.authenticate("张三", "correct horse")).map(User::role).contains(Role.EVALUATE);
        assertThat(read.authenticate("张三", "wrong horse")).isEmpty();
        assertThat(read.authenticate("李四", "correct horse")).isEmpty();
        assertThat(read.get("张三").orElseThrow().region()).isEqualTo("330100");
        assertThat(Files.readString(file)).doesNotContain("correct horse").contains("$2a$12$");
        assertThat(Users.passwordProblem("short")).contains("至少");
        assertThat(Users.passwordProblem("很长".repeat(13))).contains("72");
        Files.writeString(file, "用户,角色,密码哈希,地区\n王五,站长,$2a$12$x,\n");
        assertThatThrownBy(() -> Users.read(file)).hasMessageContaining("第 2 行").hasMessageContaining("站长");
    }

    @Test
    void adduser_reads_the_password_from_standard_input() throws Exception {
        InputStream stdin = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try {
            System.setIn(new ByteArrayInputStream("一个足够长的密码\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run(ps, ps, "serve", "adduser", "--data", dir.toString(), "--role", "管理", "--password-stdin", "局长")).isZero();
            System.setIn(new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run(ps, ps, "serve", "adduser", "--data", dir.toString(), "--role", "站长", "--password-stdin", "王五")).isEqualTo(3);
        } finally {
            System.setIn(stdin);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已添加用户 局长（管理）", "--role 应为");
        assertThat(Users.read(dir.resolve(Users.FILE_NAME)).authenticate("局长", "一个足够长的密码")).isPresent();
    }

    @Test
    void a_chinese_file_name_is_sent_as_rfc5987() {
        assertThat(Downloads.contentDisposition("督导报告 (1)*.docx"))
                .isEqualTo("attachment; filename=\"____ (1)*.docx\"; filename*=UTF-8''%E7%9D%A3%E5%AF%BC%E6%8A%A5%E5%91%8A%20%281%29%2A.docx");
        assertThat(Uploads.displayName("C:\\Users\\x\\统计\u0000.xlsx")).isEqualTo("统计.xlsx");
        assertThat(Uploads.displayName("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void a_trend_is_drawn_inside_its_chart_with_each_point_said_in_words() {
        org.dudao.history.Trend t = new org.dudao.history.Trend("FUND-01", "教育支出只增不减", "990101", "一县", null, List.of(
                new org.dudao.history.Trend.Point(1, 2023, new java.math.BigDecimal("100"), "100 万元", "PASS"),
                new org.dudao.history.Trend.Point(2, 2024, new java.math.BigDecimal("90"), "90 万元", "FAIL"),
                new org.dudao.history.Trend.Point(3, 2024, null, null, "INSUFFICIENT_DATA")));
        RegionHistory.Chart c = RegionHistory.chart(t);
        assertThat(c.dots()).hasSize(2); // a point without a value is not drawn
        assertThat(c.dots().get(0).y()).isLessThan(c.dots().get(1).y()); // 100 above 90
        assertThat(c.dots()).allSatisfy(d -> assertThat(d.x()).isBetween(0, RegionHistory.Chart.WIDTH))
                .allSatisfy(d -> assertThat(d.y()).isBetween(0, RegionHistory.Chart.HEIGHT));
        assertThat(c.dots().get(1).label()).isEqualTo("第 2 次运行，2024 年：90 万元");
        assertThat(c.points()).isEqualTo(c.dots().get(0).x() + "," + c.dots().get(0).y() + " " + c.dots().get(1).x() + "," + c.dots().get(1).y());
        assertThat(c.min()).isEqualTo("90");
        assertThat(c.max()).isEqualTo("100");
    }

    @Test
    void a_run_waiting_when_the_server_stops_is_interrupted_after_the_restart() throws Exception {
        ConsoleConfig config = ConsoleFixture.config(dir, 10 * 1024 * 1024, 1, 5);
        ServeCommand.Running first = ConsoleFixture.start(config);
        CountDownLatch release = new CountDownLatch(1);
        long id;
        try {
            first.console().queue().submit(-1, () -> await(release)); // keeps the one job busy
            Http http = new Http(first.port());
            id = Http.json(http.upload("/api/runs", Http.sample(), java.util.Map.of(), http.token())).path("id").asLong();
            assertThat(http.getJson("/api/runs/" + id).path("state").asText()).isEqualTo("queued");
        } finally {
            first.close();
            release.countDown();
        }
        ServeCommand.Running second = ConsoleFixture.start(config);
        try {
            com.fasterxml.jackson.databind.JsonNode r = new Http(second.port()).getJson("/api/runs/" + id);
            assertThat(r.path("state").asText()).isEqualTo("interrupted");
            assertThat(r.path("message").asText()).contains("运行未完成");
            assertThat(r.path("inputs").size()).isEqualTo(2);
        } finally {
            second.close();
        }
    }
}
