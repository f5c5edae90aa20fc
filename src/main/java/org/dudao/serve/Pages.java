package org.dudao.serve;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/**
 * The console's pages, rendered by jte from templates compiled with the rest of the code
 * (jte-maven-plugin, package {@value #PACKAGE}): no template is compiled at run time. jte escapes
 * every value for where it stands (element, attribute, URL).
 */
final class Pages {
    static final String PACKAGE = "org.dudao.serve.pages";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), PACKAGE);

    private Pages() {}

    /** Renders the page as the response, in UTF-8 (Javalin's html() would leave the charset out). */
    static void send(Context ctx, String template, Map<String, Object> params) {
        ctx.result(render(template, params)).contentType("text/html; charset=utf-8");
    }

    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template + ".jte", params, out);
        return out.toString();
    }
}
