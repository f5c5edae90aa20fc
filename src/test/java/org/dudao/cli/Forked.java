package org.dudao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * dudao run in a JVM of its own, with the test classpath, a working folder and an environment of its
 * own: what in-process runs cannot show (the process locale, the console's charset, the current folder).
 * The surefire JVM runs under LC_ALL=C.UTF-8; a test that wants another locale says so in {@code env}.
 */
record Forked(int exit, byte[] stdout, String err) {
    String out() { return new String(stdout, StandardCharsets.UTF_8); }

    /**
     * Runs {@code Main} with {@code args} in {@code dir}; {@code env} entries are set over this process's
     * environment, an empty value removes the variable; {@code jvm} are options for the new JVM.
     */
    static Forked run(Path dir, Map<String, String> env, List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        env.forEach((k, v) -> {
            if (v.isEmpty()) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        return of(pb);
    }

    /** Starts the process and waits for it, reading both its outputs. */
    static Forked of(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("dudao did not end: " + pb.command());
        }
        return new Forked(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    /** The environment of a cron job or a container: the POSIX locale, whatever this JVM runs under. */
    static Map<String, String> posixLocale(String variable) {
        return variable.equals("LC_ALL") ? Map.of("LC_ALL", "C", "LANG", "", "LC_CTYPE", "")
                : Map.of(variable, "C", "LC_ALL", "", "LC_CTYPE", "");
    }
}
