package org.dudao.cli;

import org.dudao.engine.RuleCompileException;
import org.dudao.engine.RuleFolder;
import org.dudao.engine.RuleMessage;
import org.dudao.engine.Waivers;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code --waivers FILE} and {@code --as-of DATE}: the waivers (豁免) a run applies, and the day it judges their expiry by. */
public final class WaiverOptions {
    @Option(names = "--waivers", paramLabel = "FILE", description = "豁免文件（CSV：指标,单位代码,年度,理由,批准人,有效期至）；规则目录中的 waivers.csv 总会读取")
    List<Path> files = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", description = "按哪一天判断豁免是否到期（默认今天，格式 2025-06-30）")
    LocalDate asOf;

    LocalDate day() { return asOf != null ? asOf : LocalDate.now(); }

    /** The waivers of the rules folder and of --waivers; on errors prints each as file:line:col and returns null. */
    Waivers read(Path rulesDir, PrintWriter err) {
        try {
            return Waivers.read(RuleFolder.waiverFiles(rulesDir, files));
        } catch (RuleCompileException e) {
            err.println("豁免文件有误（" + e.messages().size() + " 处）：");
            for (RuleMessage m : e.messages()) err.println(m);
            return null;
        }
    }
}
