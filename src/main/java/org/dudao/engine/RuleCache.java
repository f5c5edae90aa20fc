package org.dudao.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.util.Drools;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.dudao.util.Phases;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The compiled rule packages of a rule folder, kept on disk so that the next run on the same rules
 * skips compilation (docs/performance.md, "Rule-base cache"). An entry is keyed by the rule folder's
 * SHA-256, whether the rule sandbox checked it, dudao's build, the Drools version and the JVM; it is
 * written only after a compile (sandboxed unless {@code --trust-rules}) succeeded. Anything wrong
 * with an entry (absent, corrupt, another key, refused by the filter) makes it a miss: the caller
 * compiles and the entry is written again. Nothing here is ever an error to the user.
 *
 * <p>Reading an entry defines the classes Drools generated for the rules, so whoever can write the
 * cache folder can run code as the user. The folder is therefore created 0700 and refused (the cache
 * is then off) unless it is a directory owned by the user that neither group nor others may write;
 * an entry must be a regular file owned by the user with the same permissions, and its classes pass an
 * allow-list filter with depth, reference and size limits. On a file system without POSIX permissions
 * (Windows) the cache is off.
 *
 * <p>Where: system property {@code dudao.cache.dir}, else {@code DUDAO_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/dudao}, else {@code ~/.cache/dudao}; the value {@code off} turns it off.
 */
final class RuleCache {
    static final String PROPERTY = "dudao.cache.dir";
    static final String ENV = "DUDAO_CACHE_DIR";
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    /** An entry's first line: its format's version, raised whenever the payload's layout changes (an older entry is then a miss). */
    static final String FORMAT = "DUDAO-RULE-CACHE-2\n";
    private static final byte[] MAGIC = FORMAT.getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".kb";
    /** Entries kept: a rule folder being edited makes a new entry per edit; the older ones go. */
    private static final int KEEP = 16;
    private static final long MAX_BYTES = 256L << 20;
    /**
     * What a serialized set of rule packages holds: Drools' and KIE's own classes, the JDK's
     * collections, numbers, times and locks, and the fact classes the rules match (as class
     * references). Anything else in an entry rejects it. Limits far above the shipped rules'
     * (depth 17, 133,000 references, 1 MB).
     */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=20000000;maxarray=50000000;maxbytes=" + MAX_BYTES
                    + ";org.drools.**;org.kie.**;org.mvel2.**;java.lang.*;java.util.*;java.util.concurrent.**;"
                    + "java.math.*;java.time.**;org.dudao.model.*;org.dudao.engine.*;!*");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;

    private RuleCache(Path dir) {
        this.dir = dir;
    }

    /** The configured cache, or null when it is off, not usable or not safe (said at debug level). */
    static RuleCache configured() {
        String set = System.getProperty(PROPERTY);
        if (set == null) set = System.getenv(ENV);
        Path dir;
        if (set != null && !set.isBlank()) {
            if (set.strip().equalsIgnoreCase("off")) return null;
            dir = Path.of(set.strip());
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            dir = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "dudao")
                    : Path.of(System.getProperty("user.home"), ".cache", "dudao");
        }
        return at(dir);
    }

    /** The cache in {@code dir}, created 0700 if absent; null when the folder is not safe to read code from. */
    static RuleCache at(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            LOG.debug("规则缓存未启用：文件系统不支持 POSIX 权限");
            return null;
        }
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            Path real = dir.toRealPath();
            String refused = unsafe(real, true);
            if (refused != null) {
                LOG.debug("规则缓存未启用：{}{}", real, refused);
                return null;
            }
            return new RuleCache(real);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.debug("规则缓存未启用：{}：{}", dir, e.toString());
            return null;
        }
    }

    /** Why a folder or entry must not be trusted, or null: not ours, or writable by group or others. */
    private static String unsafe(Path p, boolean directory) throws IOException {
        if (directory ? !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) : !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return directory ? " 不是目录" : " 不是普通文件";
        }
        String owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) return " 的所有者是 " + owner + "，不是当前用户";
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        for (PosixFilePermission w : WRITABLE_BY_OTHERS) {
            if (perms.contains(w)) return " 可被其他用户写入（" + PosixFilePermissions.toString(perms) + "）";
        }
        return null;
    }

    Path dir() { return dir; }

    /**
     * The key of a rule set's entry: everything that, changed, could make a stored package wrong or
     * unloadable. The rules' own hash covers every file name and byte under the folder but tests/.
     */
    static String key(String rulesHash, boolean trusted) {
        return String.join("\n", "rules " + rulesHash, trusted ? "trusted" : "sandboxed",
                "dudao " + dudaoBuild(), "drools " + Drools.getFullVersion(),
                "java " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
    }

    /**
     * dudao's version and where its classes come from (a jar's size and time, or in a build folder the
     * newest class): a rebuilt dudao may have changed what the generated rule classes call.
     */
    private static String dudaoBuild() {
        String version = RuleCache.class.getPackage().getImplementationVersion();
        try {
            Path code = Path.of(RuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            long stamp;
            if (Files.isDirectory(code)) {
                try (Stream<Path> s = Files.walk(code.resolve("org/dudao"))) {
                    stamp = s.filter(Files::isRegularFile).mapToLong(RuleCache::modified).max().orElse(0);
                }
            } else {
                stamp = modified(code) ^ Files.size(code);
            }
            return (version == null ? "dev" : version) + " " + code + " " + stamp;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return (version == null ? "dev" : version) + " ? " + System.nanoTime(); // unknown build: never a hit
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return System.nanoTime();
        }
    }

    /**
     * What an entry gives back: each rule's catalogue data ({@link RuleInfo}) and the thresholds table's
     * rows (null: the folder has none), read at once and without Drools, and the compiled packages,
     * deserialized only when {@link #kieBase()} is called: {@code rules list} needs none of them, and
     * {@code evaluate} builds them while it loads the workbooks. Neither parses DRL nor opens POI.
     */
    record Hit(List<RuleInfo> rules, List<Thresholds.Entry> table, byte[] packages) {
        /** The packages in a new KieBase; any failure here (a class the filter refuses) is for the caller to answer by compiling. */
        KieBase kieBase() throws IOException, ClassNotFoundException {
            List<InternalKnowledgePackage> read = new ArrayList<>();
            try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(packages), RuleCache.class.getClassLoader())) {
                in.setObjectInputFilter(FILTER);
                int n = in.readInt();
                for (int i = 0; i < n; i++) read.add((InternalKnowledgePackage) in.readObject());
            }
            Phases.mark("rule packages deserialized");
            KieBase base = KnowledgeBaseFactory.newKnowledgeBase();
            ((InternalRuleBase) base).addPackages(read);
            Phases.mark("rule base built");
            return base;
        }
    }

    /** The entry under {@code key}, its header, key and digest checked, or null on a miss (a bad entry is deleted). */
    Hit load(String key) {
        Path entry = entry(key);
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            LOG.debug("规则缓存未命中：{}", entry);
            return null;
        }
        try {
            String refused = unsafe(entry, false);
            if (refused != null) {
                LOG.debug("规则缓存条目不可信，已忽略：{}{}", entry, refused);
                return null;
            }
            if (Files.size(entry) > MAX_BYTES) throw new IOException("条目过大");
            byte[] payload = payload(Files.readAllBytes(entry), key);
            Phases.mark("rule cache entry read");
            Hit hit = hit(payload);
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis())); // recently used: kept by prune
            LOG.debug("规则缓存命中：{}", entry);
            return hit;
        } catch (Exception | LinkageError e) { // whatever an entry does wrong, compiling is the answer
            LOG.debug("规则缓存条目无法使用，将重新编译：{}：{}", entry, e.toString());
            delete(entry);
            return null;
        }
    }

    /** Checks the header, the key and the payload's digest; returns the payload. */
    private static byte[] payload(byte[] file, String key) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException("不是规则缓存文件");
        if (!in.readUTF().equals(key)) throw new IOException("键不符");
        byte[] digest = in.readNBytes(32);
        int length = in.readInt();
        if (length < 0 || length > in.available()) throw new IOException("长度不符");
        byte[] payload = in.readNBytes(length);
        if (!MessageDigest.isEqual(digest, sha256(payload))) throw new IOException("校验和不符");
        return payload;
    }

    /** The payload: the rules' catalogue data and the thresholds rows as plain data, then the packages in Drools' stream. */
    private static Hit hit(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int n = in.readInt();
        if (n < 0 || n > payload.length) throw new IOException("规则数不符");
        List<RuleInfo> rules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rules.add(RuleInfo.read(in));
        List<Thresholds.Entry> table = null;
        int rows = in.readInt();
        if (rows > payload.length) throw new IOException("界值表行数不符");
        if (rows >= 0) {
            table = new ArrayList<>(rows);
            for (int r = 0; r < rows; r++) {
                String[] f = new String[Thresholds.Entry.FIELDS];
                for (int i = 0; i < f.length; i++) f[i] = in.readUTF();
                table.add(Thresholds.Entry.of(f));
            }
        }
        return new Hit(List.copyOf(rules), table, in.readAllBytes());
    }

    /**
     * Writes the rules' catalogue data, the thresholds table's rows (null: none) and the packages under
     * {@code key} (atomically, 0600) and drops the least recently used entries past {@link #KEEP}.
     */
    void store(String key, List<RuleInfo> rules, List<Thresholds.Entry> table, Collection<KiePackage> packages) {
        Path entry = entry(key);
        Path tmp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream head = new DataOutputStream(bytes);
            head.writeInt(rules.size());
            for (RuleInfo r : rules) r.write(head);
            head.writeInt(table == null ? -1 : table.size());
            if (table != null) {
                for (Thresholds.Entry e : table) for (String f : e.fields()) head.writeUTF(f);
            }
            head.flush();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeInt(packages.size());
                for (KiePackage p : packages) out.writeObject(p);
            }
            byte[] payload = bytes.toByteArray();
            tmp = Files.createTempFile(dir, "entry-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(os)) {
                out.write(MAGIC);
                out.writeUTF(key);
                out.write(sha256(payload));
                out.writeInt(payload.length);
                out.write(payload);
            }
            move(tmp, entry);
            LOG.debug("规则缓存已写入：{}（{} 字节）", entry, payload.length);
            prune();
        } catch (Exception e) { // a full disk or a Drools class that will not serialize: the run goes on uncached
            LOG.debug("规则缓存无法写入：{}：{}", entry, e.toString());
            if (tmp != null) delete(tmp);
        }
    }

    /** Deletes the entry under {@code key}: its packages could not be used, and a compile will store it again. */
    void discard(String key) {
        LOG.debug("规则缓存条目无法使用，将重新编译：{}", entry(key));
        delete(entry(key));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparingLong(RuleCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) delete(old);
    }

    Path entry(String key) {
        return dir.resolve(HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8))) + SUFFIX);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("无法删除 {}：{}", p, e.toString());
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
