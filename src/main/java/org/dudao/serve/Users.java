package org.dudao.serve;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dudao.report.AtomicFiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's users file: CSV with the columns 用户,角色,密码哈希,地区, the password as a bcrypt
 * hash (Spring Security's encoder, cost {@value #COST}), never the password itself. Written atomically;
 * read once when the server starts and kept in memory with the changes the 管理 role makes.
 */
public final class Users {
    public static final String FILE_NAME = "users.csv";
    static final int COST = 12;
    /** bcrypt reads at most 72 bytes of a password: a longer one is refused rather than cut short silently. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_CHARS = 8;
    private static final List<String> COLUMNS = List.of("用户", "角色", "密码哈希", "地区");
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(COST);
    /** Compared against when the user is unknown, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BCRYPT.encode("dudao-no-such-user");

    private final Path file;
    private final Map<String, User> byName = new LinkedHashMap<>();

    private Users(Path file) { this.file = file; }

    /** Reads the file; a missing file is no users. A malformed line is an {@link IOException} naming the file and line. */
    public static Users read(Path file) throws IOException {
        Users users = new Users(file);
        if (!Files.isRegularFile(file)) return users;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build().parse(in)) {
                String where = file + " 第 " + r.getParser().getCurrentLineNumber() + " 行";
                if (!r.isConsistent() || r.size() < 3) throw new IOException("用户文件有误（" + where + "）：应有列 " + String.join(",", COLUMNS));
                Role role = Role.parse(r.get(1));
                if (role == null) throw new IOException("用户文件有误（" + where + "）：角色“" + r.get(1) + "”应为 查看、评估 或 管理");
                if (!r.get(2).startsWith("$2")) throw new IOException("用户文件有误（" + where + "）：密码哈希不是 bcrypt 哈希");
                users.byName.put(r.get(0), new User(r.get(0), role, r.get(2), r.size() > 3 && !r.get(3).isBlank() ? r.get(3) : null));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("用户文件有误（" + file + "）：" + e.getMessage(), e);
        }
        return users;
    }

    public synchronized boolean isEmpty() { return byName.isEmpty(); }

    public synchronized List<User> all() { return List.copyOf(byName.values()); }

    public synchronized Optional<User> get(String name) { return Optional.ofNullable(byName.get(name)); }

    /** The user whose name and password these are; empty otherwise (in the same time either way). */
    public Optional<User> authenticate(String name, String password) {
        User u = name == null ? null : get(name).orElse(null);
        boolean ok = password != null && BCRYPT.matches(password, u == null ? DUMMY_HASH : u.passwordHash());
        return ok && u != null ? Optional.of(u) : Optional.empty();
    }

    /** Why a password cannot be used (in Chinese), or null when it can. */
    public static String passwordProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            return "密码至少 " + MIN_PASSWORD_CHARS + " 个字符";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "密码过长：bcrypt 只取前 " + MAX_PASSWORD_BYTES + " 个字节（UTF-8），请缩短";
        }
        return null;
    }

    /** Adds the user, or replaces one of the same name, and writes the file. */
    public synchronized void put(String name, Role role, String password, String region) throws IOException {
        String problem = passwordProblem(password);
        if (problem != null) throw new IllegalArgumentException(problem);
        if (name == null || !name.strip().equals(name) || name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("用户名应为 1–64 个字符，首尾无空格，不含控制字符");
        }
        if (region != null && !region.isBlank() && !region.matches("\\d{6}")) {
            throw new IllegalArgumentException("地区应为六位行政区划代码，如 330100");
        }
        byName.put(name, new User(name, role, BCRYPT.encode(password), region == null || region.isBlank() ? null : region));
        save();
    }

    /** Removes the user and writes the file; false when there was none of that name. */
    public synchronized boolean remove(String name) throws IOException {
        if (byName.remove(name) == null) return false;
        save();
        return true;
    }

    private void save() throws IOException {
        List<User> users = new ArrayList<>(byName.values());
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(COLUMNS);
                for (User u : users) p.printRecord(u.name(), u.role().label(), u.passwordHash(), u.region() == null ? "" : u.region());
            }
        });
        restrict(file);
    }

    /** The file holds password hashes: readable by its owner only. */
    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }
}
