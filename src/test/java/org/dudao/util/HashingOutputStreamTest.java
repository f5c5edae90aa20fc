package org.dudao.util;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hash taken on its own thread is the SHA-256 of exactly the bytes the stream passed on, however they were written. */
class HashingOutputStreamTest {
    @Test
    void single_bytes_small_and_large_arrays_across_blocks_hash_as_the_bytes_they_make() throws IOException {
        byte[] big = new byte[HashingOutputStream.BLOCK * 2 + 12345];
        new Random(7).nextBytes(big);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        HashingOutputStream out = new HashingOutputStream(passed);
        for (int i = 0; i < HashingOutputStream.BLOCK + 3; i++) out.write(i); // single bytes over a block's end
        out.write(big, 5, 1000);
        out.write(big); // larger than a block, starting in a block part filled
        out.write(big, 0, 0);
        out.close();
        out.close(); // a second close changes nothing
        assertThat(passed.size()).isEqualTo(HashingOutputStream.BLOCK + 3 + 1000 + big.length);
        assertThat(out.size()).isEqualTo(passed.size());
        assertThat(out.sha256()).isEqualTo(Sha256.of(passed.toByteArray()));
    }

    @Test
    void nothing_written_is_the_hash_of_nothing_and_the_stream_is_closed() throws IOException {
        boolean[] closed = {false};
        HashingOutputStream out = new HashingOutputStream(new OutputStream() {
            @Override public void write(int b) {}

            @Override public void close() { closed[0] = true; }
        });
        assertThatThrownBy(out::sha256).isInstanceOf(IllegalStateException.class);
        out.close();
        assertThat(closed[0]).isTrue();
        assertThat(out.size()).isZero();
        assertThat(out.sha256()).isEqualTo(Sha256.of(new byte[0]));
    }
}
