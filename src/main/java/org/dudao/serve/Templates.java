package org.dudao.serve;

import org.dudao.api.DudaoException;
import org.dudao.api.Rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The 填报模板 of each level, made by {@code dudao template} from the rules in use, once, when first asked for. */
final class Templates {
    /** Level key (as in the URL and {@code template --level}) → what the page calls it. */
    static final Map<String, String> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put("all", "全部（地区表、学校表、班级表）");
        LEVELS.put("county", "地区表（省、市、县）");
        LEVELS.put("school", "学校表");
        LEVELS.put("class", "班级表");
    }

    private final Rules rules;
    private final Map<String, byte[]> made = new ConcurrentHashMap<>();

    Templates(Rules rules) { this.rules = rules; }

    byte[] get(String level) {
        if (!LEVELS.containsKey(level)) throw HttpError.notFound("没有这个层级的模板：" + level + "（有：" + String.join("、", LEVELS.keySet()) + "）");
        return made.computeIfAbsent(level, l -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                rules.writeTemplate(l.equals("all") ? null : l, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DudaoException e) {
                throw new HttpError(500, e.getMessage());
            }
            return out.toByteArray();
        });
    }

    static String fileName(String level) {
        return "填报模板-" + (level.equals("all") ? "全部" : LEVELS.get(level).replaceAll("（.*", "")) + ".xlsx";
    }
}
