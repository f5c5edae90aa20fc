package org.dudao.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The one SHA-256 of the code base: of a file (a workbook, a report, a rule file), of bytes and of
 * text, in lower-case hex; and one hash standing for a run's set of inputs.
 */
public final class Sha256 {
    private Sha256() {}

    /** A new SHA-256 digest, to be fed as a stream goes (every JVM has SHA-256). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of a file's content, read in blocks. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return hex(md);
        }
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hash of a text's UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256-<base64>}: a script's or a style's hash as a Content-Security-Policy names it. */
    public static String cspSource(byte[] bytes) {
        return "sha256-" + Base64.getEncoder().encodeToString(digest().digest(bytes));
    }

    /** The digest's hash in hex (the digest is reset). */
    public static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** One hash standing for a set of inputs: the SHA-256 of their sorted hashes, one a line (their order does not matter). */
    public static String ofInputs(Collection<String> sha256s) {
        MessageDigest md = digest();
        for (String s : sha256s.stream().sorted().toList()) md.update((s + "\n").getBytes(StandardCharsets.US_ASCII));
        return hex(md);
    }
}
