package org.dudao.serve;

import org.dudao.model.Status;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How the pages write times, sizes, statuses and exit codes. */
public final class Show {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Show() {}

    /** An ISO time (UTC) in the server's time zone, as a person reads it; blank for none. */
    public static String time(String iso) {
        if (iso == null) return "";
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static String n(Number n) { return n == null ? "—" : n.toString(); }

    public static String bytes(long b) {
        if (b < 1024) return b + " B";
        if (b < 1024 * 1024) return String.format("%.1f KB", b / 1024.0);
        return String.format("%.1f MB", b / (1024.0 * 1024));
    }

    /** 达标, 不达标, … for a status's constant name. */
    public static String status(String name) {
        try {
            return Status.valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(name);
        }
    }

    /** The exit status the command line would give, with its meaning. */
    public static String exit(Integer code) {
        if (code == null) return "—";
        return code + "（" + switch (code) {
            case 0 -> "全部达标";
            case 1 -> "仅有预警、数据不足或豁免";
            case 2 -> "至少一项不达标";
            default -> "无法按要求运行";
        } + "）";
    }

    public static String join(List<?> items) {
        if (items == null || items.isEmpty()) return "";
        return String.join("、", items.stream().map(String::valueOf).toList());
    }

    public static String shortHash(String sha) { return sha == null || sha.length() < 12 ? String.valueOf(sha) : sha.substring(0, 12) + "…"; }
}
