package org.dudao.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Lets code that prints to a PrintStream write to picocli's PrintWriter (so tests can capture it). */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) { this.writer = writer; }

    @Override public void write(int b) {
        pending.write(b);
        if (b == '\n') flush();
    }

    @Override public void flush() {
        writer.print(pending.toString(StandardCharsets.UTF_8));
        writer.flush();
        pending.reset();
    }

    @Override public void close() throws IOException { flush(); }
}
