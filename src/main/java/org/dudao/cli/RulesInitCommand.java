package org.dudao.cli;

import org.dudao.api.Dudao;
import org.dudao.api.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code dudao rules init [DIR]}: the rules built into the program, copied out for an analyst to edit. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "把程序内置的规则（规则文件、指标字典、参数、界值表、测试夹具和说明）复制到一个文件夹，供修改。",
        footer = {"", "退出码：0 已复制；3 目标已有文件或无法写入。"})
public final class RulesInitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "rules",
            description = "目标文件夹（默认：当前目录下的 rules）；须不存在或为空，已有的规则不会被覆盖")
    Path dir;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            err.println("无法复制规则：" + abs + " 是一个文件，应为文件夹。");
            return ExitCodes.CANNOT_RUN;
        }
        if (!isEmptyOrAbsent(abs)) {
            err.println("无法复制规则：文件夹 " + abs + " 中已有文件。为免覆盖已修改的规则，请换一个空文件夹，或先把其中的文件移走。");
            return ExitCodes.CANNOT_RUN;
        }
        List<Path> copied;
        try {
            copied = Dudao.copyBuiltInRules(abs);
        } catch (IOException e) {
            err.println("无法把规则复制到 " + abs + "：" + e.getMessage());
            return ExitCodes.CANNOT_RUN;
        }
        long drl = copied.stream().filter(p -> p.getFileName().toString().endsWith(".drl")).count();
        out.printf("已把内置规则（dudao %s）复制到 %s：%d 个文件，其中规则文件 %d 个。%n", Dudao.version(), abs, copied.size(), drl);
        boolean automatic = abs.equals(Path.of("rules").toAbsolutePath().normalize());
        out.println(automatic ? "在当前目录运行 dudao 时会自动使用这些规则。" : "使用时加上 --rules " + abs);
        String option = automatic ? "" : " --rules " + abs;
        out.println("修改后先检查：dudao rules check" + option + "，再用测试夹具检验：dudao rules test" + option);
        out.println("规则写法见其中的 README.md。");
        out.flush();
        return ExitCodes.ALL_PASS;
    }

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
