package org.dudao.api;

import java.nio.file.Path;

/**
 * Where a set of rules was found, and how ({@link Dudao#locateRules}): the folder the rules are read
 * from (for the built-in rules, the temporary folder they were unpacked into) and which step of the
 * lookup found it.
 */
public record RulesLocation(Path folder, Source source) {
    /** The steps of the lookup, first found wins, each with the words the console uses for it. */
    public enum Source {
        /** The folder the caller named ({@code --rules DIR}). */
        OPTION("--rules 指定"),
        /** {@code ./rules} in the working folder. */
        WORKING_FOLDER("当前目录下的 rules"),
        /** The {@code rules/} folder of the installation, beside {@code bin/}. */
        INSTALLATION("安装目录中的 rules"),
        /** The rules built into the program (read-only). */
        BUILT_IN("程序内置规则，只读；要修改请先 dudao rules init 复制一份");

        private final String words;

        Source(String words) { this.words = words; }

        /** How the console says it ({@code 当前目录下的 rules}). */
        public String words() { return words; }
    }

    /** {@code /abs/rules（当前目录下的 rules）}; built-in rules are named as such, not by their temporary folder. */
    public String describe() {
        return (source == Source.BUILT_IN ? "内置规则 dudao " + Dudao.version() : folder.toAbsolutePath().normalize().toString())
                + "（" + source.words + "）";
    }

    /** The rules folder as a report records it ({@code run.rules}). */
    public String label() {
        return source == Source.BUILT_IN ? "内置规则（dudao " + Dudao.version() + "）" : folder.toString();
    }
}
