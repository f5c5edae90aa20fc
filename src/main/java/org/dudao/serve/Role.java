package org.dudao.serve;

import io.javalin.security.RouteRole;

/**
 * What a console user may do, each role including the ones before it: 查看 sees runs and reports,
 * 评估 also starts evaluations, 管理 also manages waivers and users.
 */
public enum Role implements RouteRole {
    VIEW("查看"), EVALUATE("评估"), ADMIN("管理");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }

    public boolean allows(Role needed) { return compareTo(needed) >= 0; }

    /** The role named in Chinese (查看/评估/管理) or by its constant; null when neither. */
    public static Role parse(String text) {
        if (text == null) return null;
        String t = text.strip();
        for (Role r : values()) if (r.label.equals(t) || r.name().equalsIgnoreCase(t)) return r;
        return null;
    }
}
