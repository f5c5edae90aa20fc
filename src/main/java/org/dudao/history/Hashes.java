package org.dudao.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of files, and one hash over the hashes of a run's inputs (order does not matter). */
public final class Hashes {
    private Hashes() {}

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** One hash standing for a set of inputs: the SHA-256 of their sorted hashes, one a line. */
    public static String ofInputs(Collection<String> sha256s) {
        List<String> sorted = sha256s.stream().sorted().toList();
        MessageDigest md = digest();
        for (String s : sorted) md.update((s + "\n").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
