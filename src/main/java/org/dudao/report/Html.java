package org.dudao.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The html pages: report.html, batch-summary.html and the console's, rendered by jte from the
 * templates under {@code src/main/jte}, compiled with the rest of the code (jte-maven-plugin,
 * package {@value #PACKAGE}): no template is compiled at run time. jte escapes every value for where
 * it stands (element, attribute, URL, script). A report file's values are moreover written with their
 * control and bidi-override characters made visible ({@link Shown#clean}), as on the terminal and in
 * the xlsx and docx, so input cannot reorder what the page shows.
 */
public final class Html {
    static final String PACKAGE = "org.dudao.pages";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, Html.class.getClassLoader(), PACKAGE);

    private Html() {}

    /**
     * One table cell of a report page ({@code parts/cells.jte}): its text and, where not null, its
     * class, {@code data-region}, {@code data-status} and {@code title} (a null attribute is left out).
     */
    public record Cell(String cls, String region, String status, String title, String text) {
        /** A plain cell; null shows as empty. */
        public static Cell of(Object text) { return new Cell(null, null, null, null, text == null ? "" : text.toString()); }

        /** A cell with a class. */
        public static Cell of(String cls, Object text) { return new Cell(cls, null, null, null, text == null ? "" : text.toString()); }

        /** A row of plain cells. */
        public static List<Cell> row(Object... texts) {
            List<Cell> row = new ArrayList<>(texts.length);
            for (Object t : texts) row.add(of(t));
            return row;
        }
    }

    /** A text resource next to {@code owner}: a page's style sheet or script. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page escaped as jte does (the console's). */
    public static void render(String template, Map<String, Object> params, TemplateOutput out) {
        ENGINE.render(template, params, out);
    }

    /** A report file in UTF-8 from a template whose one parameter is {@code page}. */
    public static void write(String template, Object page, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            ENGINE.render(template, Map.of("page", page), new VisibleText(new WriterOutput(w)));
        } catch (TemplateException e) {
            // jte wraps whatever the page's values or the writer threw: give the caller the original (a full disk is an IOException)
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
        w.flush();
    }

    /** jte's escaping of each value, after {@link Shown#clean}. */
    private static final class VisibleText extends OwaspHtmlTemplateOutput {
        VisibleText(TemplateOutput out) { super(out); }

        @Override public void writeUserContent(String value) {
            if (value != null) super.writeUserContent(Shown.clean(value));
        }
    }
}
