package org.dudao.report;

import org.dudao.util.HashingOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old file or the whole new one, never half of it: the content
 * goes to a temporary file beside the target, which is then renamed over it. In a folder a run is
 * publishing into ({@link RunFolder}), the file is staged instead and renamed when the run's manifest
 * is out. A failure names the file: an {@link IOException} without one (a full disk while writing)
 * comes back as a {@link FileSystemException} on the target's absolute path.
 */
public final class AtomicFiles {
    /** Writes to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** What was written: its size in bytes and SHA-256 (hex). */
    record Content(long size, String sha256) {}

    private AtomicFiles() {}

    public static void write(Path target, Writer writer) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        RunFolder.Publication publication = RunFolder.open(dir);
        if (publication != null) {
            publication.stage(file, writer);
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            writeTo(tmp, file, writer);
            move(tmp, file);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code tmp} with what {@code target} will hold, and the permissions it has (or rw-r--r--); returns size and hash. */
    static Content writeTo(Path tmp, Path target, Writer writer) throws IOException {
        Content written;
        try (HashingOutputStream out = new HashingOutputStream(Files.newOutputStream(tmp))) {
            writer.write(out);
            out.close(); // the hash is of everything written, once the file has it all
            written = new Content(out.size(), out.sha256());
        } catch (FileSystemException e) {
            // the temporary file's name means nothing to the reader: name the report
            if (!tmp.toString().equals(e.getFile())) throw e;
            FileSystemException named = e instanceof AccessDeniedException
                    ? new AccessDeniedException(target.toString(), null, e.getReason())
                    : new FileSystemException(target.toString(), null, e.getReason());
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            // a stream's own failure ("No space left on device") names no file: name the one being written
            FileSystemException named = new FileSystemException(target.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
        }
        keepPermissions(tmp, target);
        return written;
    }

    /** Renames {@code from} over {@code to}, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A temporary file is created readable by its owner only; a report is meant to be handed on, so the
     * new file takes the permissions of the file it replaces, or rw-r--r-- for a new one.
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }
}
