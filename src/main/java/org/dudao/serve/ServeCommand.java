package org.dudao.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.util.JavalinException;
import org.dudao.api.Dudao;
import org.dudao.api.DudaoException;
import org.dudao.api.ExitCodes;
import org.dudao.api.Rules;
import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleMessage;
import org.dudao.engine.Waivers;
import org.dudao.history.HistoryException;
import org.dudao.history.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code dudao serve}: the inspection office's console in a browser, over the same engine, history and reports. */
@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = AddUserCommand.class,
        description = {"启动本机网页控制台：上传工作簿评估、查看结果和报告、历史、指标目录、填报模板和豁免，并提供 JSON API（见 docs/api.md）。",
                "默认只监听 127.0.0.1；监听其他地址须先用 dudao serve adduser 添加用户。"},
        footer = {"", "退出码：0 正常停止；3 无法启动（规则无法编译、端口被占用、监听其他地址却没有用户、参数错误）。"})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "端口（默认 8080）")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "监听地址（默认 127.0.0.1，只有本机可访问）")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "dudao-data",
            description = "数据目录（默认 ./dudao-data）：各次运行（输入、报告、run.json）、用户文件、日志和默认的历史库")
    Path data;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "规则目录（默认依次使用：当前目录下的 rules、安装目录中的 rules、程序内置的规则），启动时编译一次")
    Path rules;

    @Option(names = "--trust-rules", description = "信任规则文件：不检查其中的文件、网络、进程、反射等调用（仅限规则管理员）")
    boolean trustRules;

    @Option(names = "--history", paramLabel = "URL",
            description = "结果历史库的 JDBC URL（默认：数据目录下的 SQLite 文件 history.db；可与 dudao batch 共用）")
    String history;

    @Option(names = "--jobs", paramLabel = "N", description = "同时进行的运行数（默认：处理器核数的一半，至少 1）")
    Integer jobs;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "20", description = "最多排队的运行数（默认 20），满时新的上传得到 429")
    int queue;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "200", description = "一次上传的上限，MB（默认 200）")
    int maxUploadMb;

    @Option(names = "--session-timeout", paramLabel = "MINUTES", defaultValue = "30", description = "会话闲置多久失效，分钟（默认 30）")
    int sessionMinutes;

    @Option(names = "--users", paramLabel = "FILE", description = "用户文件（默认：数据目录下的 users.csv）")
    Path users;

    @Option(names = "--waivers", paramLabel = "FILE", description = "另外的豁免文件；规则目录中的 waivers.csv 和数据目录中的 waivers.csv 总会读取")
    List<Path> waivers = new ArrayList<>();

    /** How long a login lasts at most, however active. */
    static final Duration MAX_SESSION = Duration.ofHours(12);

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Running running = start(config(), err);
        if (running == null) return ExitCodes.CANNOT_RUN;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "dudao-serve-stop"));
        out.println("dudao 控制台已启动：http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + running.port()
                + "（数据目录 " + data.toAbsolutePath().normalize() + "；按 Ctrl+C 停止）");
        out.flush();
        stopped.await();
        return ExitCodes.ALL_PASS;
    }

    ConsoleConfig config() {
        int j = jobs != null ? Math.max(1, jobs) : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        String url = history != null ? history : HistoryStore.defaultUrl(data);
        return new ConsoleConfig(bind, port, data, rules, trustRules, url, j, Math.max(1, queue), (long) Math.max(1, maxUploadMb) * 1024 * 1024,
                Duration.ofMinutes(Math.max(1, sessionMinutes)), MAX_SESSION, List.copyOf(waivers),
                users != null ? users : data.resolve(Users.FILE_NAME));
    }

    /** A started console: stop it with {@link #close()}. */
    public record Running(Console console, ConsoleServer server) implements AutoCloseable {
        public int port() { return server.port(); }

        @Override public void close() {
            server.close();
            try {
                console.close();
            } catch (Exception e) {
                System.err.println("dudao serve：关闭时出错：" + e.getMessage());
            }
        }
    }

    /** Compiles the rules, opens the history and the runs, starts the server; null (and the reason on {@code err}) when it cannot. */
    public static Running start(ConsoleConfig config, PrintWriter err) throws IOException {
        Users users = users(config, err);
        if (users == null || unguarded(config, users, err)) return null; // refused before the rules are compiled
        Rules rules;
        try {
            // found as every command finds them: --rules, ./rules, the installation's, the built-in ones
            rules = Dudao.rules(Dudao.locateRules(config.rules()), config.trustRules());
        } catch (DudaoException e) {
            err.println(e.getMessage());
            for (DudaoException.Problem p : e.problems()) err.println(p);
            return null;
        }
        return start(config, rules, users, err);
    }

    /** As {@link #start(ConsoleConfig, PrintWriter)}, with the rules compiled already. */
    public static Running start(ConsoleConfig config, Rules rules, PrintWriter err) throws IOException {
        Users users = users(config, err);
        return users == null ? null : start(config, rules, users, err);
    }

    private static Running start(ConsoleConfig config, Rules rules, Users users, PrintWriter err) throws IOException {
        if (unguarded(config, users, err)) return null;
        Files.createDirectories(config.data().resolve("tmp"));
        ObjectMapper json = new ObjectMapper();
        Console console;
        try {
            HistoryStore history = HistoryStore.open(config.historyUrl());
            console = new Console(config, rules, history, RunStore.open(config.runs(), json), users, new Logs(config.data(), json), json);
        } catch (HistoryException e) {
            err.println(e.getMessage());
            return null;
        }
        try {
            Waivers.read(console.waiverFiles());
        } catch (RuleCompileException e) {
            err.println("豁免文件有误（" + e.messages().size() + " 处）：");
            for (RuleMessage m : e.messages()) err.println(m);
            closeQuietly(console);
            return null;
        }
        try {
            return new Running(console, new ConsoleServer(console).start());
        } catch (JavalinException e) {
            err.println("无法监听 " + config.bind() + ":" + config.port() + "：端口已被占用或没有权限（--port 换一个端口）");
            closeQuietly(console);
            return null;
        }
    }

    private static Users users(ConsoleConfig config, PrintWriter err) {
        try {
            return Users.read(config.usersFile());
        } catch (IOException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** True (and why, on {@code err}) when the console would listen beyond this machine without users. */
    private static boolean unguarded(ConsoleConfig config, Users users, PrintWriter err) {
        if (loopback(config.bind()) || !users.isEmpty()) return false;
        err.println("监听 " + config.bind() + " 会让其他电脑访问控制台，须先添加用户：dudao serve adduser --role 管理 用户名"
                + "（用户文件 " + config.usersFile() + "）");
        return true;
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void closeQuietly(Console console) {
        try {
            console.close();
        } catch (Exception ignored) {
            // the start failed already; its reason has been said
        }
    }
}
