package org.dudao.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's rules come from, first found wins: {@code --rules DIR}; {@code ./rules} when the
 * working folder has one; the {@code rules/} folder of the installation (beside {@code bin/}, as the
 * distribution unpacks); the rules built into the jar (read-only, {@link BuiltInRules}).
 */
final class RulesLookup {
    /** System property the launchers set to the installation folder. */
    static final String HOME_PROPERTY = "dudao.home";
    static final String FOLDER = "rules";

    private RulesLookup() {}

    /** Looks the rules up for a command run in the current folder, with {@code option} the value of --rules (or null). */
    static RulesLocation find(Path option) throws DudaoException {
        return find(option, Path.of(""), installation());
    }

    static RulesLocation find(Path option, Path workingFolder, Path installation) throws DudaoException {
        if (option != null) {
            Path abs = option.toAbsolutePath().normalize();
            if (Files.isDirectory(option)) return new RulesLocation(option, RulesLocation.Source.OPTION);
            if (Files.exists(option)) throw new DudaoException("--rules 应指向规则文件夹，而 " + abs + " 是一个文件。");
            throw new DudaoException("找不到规则目录 " + abs + "（--rules 指定）。请检查路径；不给 --rules 时，依次使用当前目录下的 rules、"
                    + "安装目录中的 rules 和程序内置的规则。要修改规则，可先用 dudao rules init 目录 复制一份内置规则。");
        }
        Path here = workingFolder.resolve(FOLDER);
        if (Files.isDirectory(here)) return new RulesLocation(here, RulesLocation.Source.WORKING_FOLDER);
        if (installation != null && Files.isDirectory(installation.resolve(FOLDER))) {
            return new RulesLocation(installation.resolve(FOLDER), RulesLocation.Source.INSTALLATION);
        }
        if (!BuiltInRules.present()) {
            throw new DudaoException("找不到规则：当前目录（" + workingFolder.toAbsolutePath().normalize() + "）下没有 rules 文件夹"
                    + (installation == null ? "" : "，安装目录 " + installation + " 中也没有") + "，本程序也未内置规则。请用 --rules 指定规则目录。");
        }
        try {
            return new RulesLocation(BuiltInRules.folder(), RulesLocation.Source.BUILT_IN);
        } catch (IOException e) {
            throw new DudaoException("无法解出程序内置的规则（" + e.getMessage() + "）。请用 --rules 指定规则目录，"
                    + "或用 JAVA_OPTS=-Djava.io.tmpdir=可写的目录 指定临时目录。");
        }
    }

    /**
     * The installation folder: the one the launcher names, else the parent of the {@code lib/} folder
     * this class was loaded from when it has a {@code bin/} beside it (the distribution run as
     * {@code java -cp "lib/*" …}); null otherwise.
     */
    static Path installation() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) return Path.of(home);
        try {
            Path jar = Path.of(RulesLookup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (Files.isRegularFile(jar) && lib != null && lib.getFileName().toString().equals("lib")
                    && lib.getParent() != null && Files.isDirectory(lib.getParent().resolve("bin"))) {
                return lib.getParent();
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): no installation
        }
        return null;
    }
}
