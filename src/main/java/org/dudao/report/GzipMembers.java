package org.dudao.report;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip file written as consecutive members (RFC 1952 allows any number; gunzip, zcat, Java's
 * {@code GZIPInputStream} and Python's {@code gzip} read them as one stream): what is written to it
 * is compressed into the current member, and {@link #member} appends a member compressed elsewhere,
 * so report.json's verdict chunks can be compressed on the threads that turn them into text.
 */
final class GzipMembers extends OutputStream {
    private static final int BUFFER = 1 << 16;

    private final OutputStream file;
    private GZIPOutputStream current;

    GzipMembers(OutputStream file) {
        this.file = file;
    }

    /** The bytes as one gzip member. */
    static byte[] compress(ByteArrayOutputStream bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.size() / 8 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, BUFFER)) {
            bytes.writeTo(gz);
        }
        return out.toByteArray();
    }

    /** Ends the member being written, if any, and appends one compressed by {@link #compress}. */
    void member(byte[] compressed) throws IOException {
        endMember();
        file.write(compressed);
    }

    @Override public void write(int b) throws IOException {
        open().write(b);
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) open().write(b, off, len);
    }

    @Override public void flush() throws IOException {
        file.flush(); // not the member: flushing a deflater would cut its blocks short
    }

    @Override public void close() throws IOException {
        try (file) {
            endMember();
        }
    }

    private GZIPOutputStream open() throws IOException {
        if (current == null) current = new GZIPOutputStream(new FilterOutputStream(file) {
            @Override public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override public void close() {
                // the file stays open for the next member
            }
        }, BUFFER);
        return current;
    }

    private void endMember() throws IOException {
        if (current != null) {
            current.finish();
            current = null;
        }
    }
}
