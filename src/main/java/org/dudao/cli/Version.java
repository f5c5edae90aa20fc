package org.dudao.cli;

import picocli.CommandLine;

/** The tool's version, from the jar's manifest ({@code dev} when run from classes). */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override public String[] getVersion() {
        return new String[]{"dudao " + get()};
    }
}
