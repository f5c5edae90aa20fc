package org.dudao.serve;

/**
 * What every page's layout needs: its title, the menu entry it belongs to, the user (null on the
 * login page), the session's CSRF token for forms and scripts, and whether users are configured
 * (then the menu has 退出).
 */
public record Page(String title, String active, User user, String csrf, boolean loginEnabled) {
    public boolean can(Role role) { return user != null && user.role().allows(role); }

    public String userLabel() { return user == null ? "" : user.name() + "（" + user.role().label() + "）"; }
}
