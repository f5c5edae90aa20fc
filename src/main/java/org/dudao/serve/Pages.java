package org.dudao.serve;

import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import org.dudao.report.Html;

import java.util.Map;

/**
 * The console's pages, rendered by jte from templates compiled with the rest of the code, through
 * the one template engine the reports use too ({@link Html}): no template is compiled at run time.
 * jte escapes every value for where it stands (element, attribute, URL).
 */
final class Pages {
    private Pages() {}

    /** Renders the page as the response, in UTF-8 (Javalin's html() would leave the charset out). */
    static void send(Context ctx, String template, Map<String, Object> params) {
        ctx.result(render(template, params)).contentType("text/html; charset=utf-8");
    }

    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        Html.render(template + ".jte", params, out);
        return out.toString();
    }
}
