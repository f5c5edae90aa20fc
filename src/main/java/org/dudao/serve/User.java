package org.dudao.serve;

/**
 * A console user: name, role, bcrypt hash of the password, and the region it is limited to (a
 * six-digit administrative code, GB/T 2260; null or empty: every region).
 */
public record User(String name, Role role, String passwordHash, String region) {
    /** The user of a console without a users file: bound to the loopback address, the office's own machine. */
    public static final User LOCAL = new User("本机", Role.ADMIN, null, null);

    public boolean unrestricted() { return region == null || region.isBlank(); }

    /**
     * True when a region key lies within the user's region: the same code, or one below it by the
     * administrative code (330000 covers 3301xx and 3302xx; 330100 covers 3301xx).
     */
    public boolean covers(String regionKey) {
        if (unrestricted()) return true;
        if (regionKey == null) return false;
        if (regionKey.equals(region)) return true;
        String prefix = region.matches("\\d{6}") ? region.replaceFirst("(00)+$", "") : region;
        return regionKey.matches("\\d{6}") && prefix.length() < 6 && regionKey.startsWith(prefix);
    }
}
