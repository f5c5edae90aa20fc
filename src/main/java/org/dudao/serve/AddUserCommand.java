package org.dudao.serve;

import org.dudao.api.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code dudao serve adduser}: adds a console user, or changes one's role and password. */
@Command(name = "adduser", mixinStandardHelpOptions = true,
        description = "添加或修改控制台用户。密码在终端中输入两次（或用 --password-stdin 从标准输入读一行），只以 bcrypt 哈希保存。",
        footer = {"", "角色：查看（运行和报告）、评估（另可发起评估）、管理（另可管理豁免和用户）。", "退出码：0 已保存；3 参数或密码不合要求、文件无法读写。"})
public final class AddUserCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "dudao-data", description = "数据目录（默认 ./dudao-data），用户文件默认在其中")
    Path data;

    @Option(names = "--users", paramLabel = "FILE", description = "用户文件（默认：数据目录下的 users.csv）")
    Path users;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "查看、评估 或 管理")
    String role;

    @Option(names = "--region", paramLabel = "CODE", description = "只能看这个地区及其下级（六位行政区划代码，如 330100）；默认全部")
    String region;

    @Option(names = "--password-stdin", description = "从标准输入读取密码（一行），用于脚本")
    boolean passwordStdin;

    @Parameters(paramLabel = "NAME", description = "用户名")
    String name;

    @Override public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Role r = Role.parse(role);
        if (r == null) {
            err.println("--role 应为 查看、评估 或 管理，而不是“" + role + "”");
            return ExitCodes.CANNOT_RUN;
        }
        String password = password(err);
        if (password == null) return ExitCodes.CANNOT_RUN;
        Path file = users != null ? users : data.resolve(Users.FILE_NAME);
        try {
            Users all = Users.read(file);
            boolean existed = all.get(name).isPresent();
            all.put(name, r, password, region);
            out.println((existed ? "已修改用户 " : "已添加用户 ") + name + "（" + r.label() + "）：" + file);
            return ExitCodes.ALL_PASS;
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
    }

    private String password(PrintWriter err) throws IOException {
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) err.println("标准输入中没有密码");
            return line;
        }
        Console console = System.console();
        if (console == null) {
            err.println("没有终端可输入密码：请在终端中运行，或用 --password-stdin");
            return null;
        }
        char[] first = console.readPassword("密码：");
        char[] again = console.readPassword("再输入一次：");
        if (first == null || again == null || !Arrays.equals(first, again)) {
            err.println("两次输入的密码不一样");
            return null;
        }
        return new String(first);
    }
}
