package org.dudao.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a large run keeps its data in while it works (a workbook read in parts, the
 * verdicts waiting for the report, the report's cited values): named {@code dudao-KIND-PID-N.EXT}
 * after the process that writes them, deleted when they are done with, and otherwise when the JVM
 * shuts down, also on Ctrl-C or SIGTERM (one shutdown hook for all of them, which forgets a file once
 * it is deleted, unlike {@code deleteOnExit}, which a long-lived {@code serve} would fill).
 * <p>
 * A process killed outright (SIGKILL, an out-of-memory exit) runs no hook; its files are removed by
 * the next run that makes a temporary file in the same folder: those of a process id that no longer
 * runs and that nobody has written for {@link #STALE_AFTER}. A running process's files are never touched.
 */
public final class TempFiles {
    /** How long a dead process's file must have been left alone before another run removes it. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Pattern NAME = Pattern.compile("dudao-[a-z]+-(\\d+)-\\d+\\.[a-z]+");
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    /** Set by the shutdown hook before it deletes: a file made from then on is deleted by its maker. */
    private static volatile boolean closing;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "dudao-temp-files"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM is already shutting down: the caller deletes what it makes, as it always does
        }
    }

    private TempFiles() {}

    /**
     * A new empty file {@code dudao-KIND-PID-N.EXT} in {@code dir}, deleted at shutdown unless {@link #delete}d before.
     * Open it without {@code CREATE} ({@code StandardOpenOption.WRITE} alone): a file the shutdown hook has
     * deleted meanwhile must not be made again, to be left behind.
     */
    public static Path create(Path dir, String kind, String ext) throws IOException {
        Path p = name(dir, kind, ext);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))); // as createTempFile
        } else {
            Files.createFile(p);
        }
        // the hook may have gone over the files between name() and here: it saw this one, or this sees it closing
        if (closing) {
            delete(p);
            throw new IOException("程序正在退出，不再创建临时文件 " + p);
        }
        return p;
    }

    /**
     * A name for such a file, not yet created (for a writer that creates it only if it needs it),
     * deleted at shutdown if it exists by then.
     */
    public static Path name(Path dir, String kind, String ext) {
        if (SWEPT.add(dir.toAbsolutePath())) removeStale(dir, Instant.now());
        Path p = dir.resolve("dudao-" + kind + "-" + PID + "-" + COUNTER.incrementAndGet() + "." + ext);
        LIVE.add(p);
        return p;
    }

    /** Deletes the file now and forgets it. */
    public static void delete(Path p) throws IOException {
        Files.deleteIfExists(p);
        LIVE.remove(p);
    }

    /** Whether the file is still to be deleted at shutdown (for tests). */
    static boolean pending(Path p) { return LIVE.contains(p); }

    /**
     * Deletes the files in {@code dir} named as above whose process no longer runs and that were last
     * written before {@code now} less {@link #STALE_AFTER}; returns how many it deleted. Failing to
     * list or delete is not an error: the files stay, as before.
     */
    static int removeStale(Path dir, Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "dudao-*")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ProcessHandle.of(pid).isPresent()) continue;
                FileTime written = Files.getLastModifiedTime(f);
                if (written.toInstant().isAfter(now.minus(STALE_AFTER))) continue;
                if (Files.deleteIfExists(f)) removed++;
            }
        } catch (IOException | RuntimeException e) {
            // another process may have removed one first, or the folder is not ours to list
        }
        return removed;
    }

    private static void deleteAll() {
        closing = true;
        LIVE.forEach(TempFiles::quietlyDelete);
    }

    private static void quietlyDelete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more can be done at shutdown
        }
    }
}
