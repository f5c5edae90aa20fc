package org.dudao.cli;

import org.dudao.api.Dudao;
import picocli.CommandLine;

/** {@code dudao --version}: the tool's version ({@link Dudao#version()}). */
public final class Version implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
        return new String[]{"dudao " + Dudao.version()};
    }
}
