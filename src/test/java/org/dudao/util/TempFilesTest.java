package org.dudao.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Temporary files named after their process: deleted when done or at shutdown, and a dead process's removed by the next run. */
class TempFilesTest {
    @TempDir Path dir;

    @Test
    void a_file_is_named_after_this_process_and_forgotten_once_deleted() throws Exception {
        Path f = TempFiles.create(dir, "part", "bin");
        assertThat(f.getFileName().toString()).startsWith("dudao-part-" + ProcessHandle.current().pid() + "-").endsWith(".bin");
        assertThat(f).exists();
        assertThat(TempFiles.pending(f)).isTrue();
        TempFiles.delete(f);
        assertThat(f).doesNotExist();
        assertThat(TempFiles.pending(f)).isFalse();
    }

    @Test
    void only_the_old_files_of_a_process_that_no_longer_runs_are_removed() throws Exception {
        Process gone = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        long dead = gone.pid();
        long me = ProcessHandle.current().pid();
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(me);
        Instant now = Instant.now();
        FileTime old = FileTime.from(now.minus(TempFiles.STALE_AFTER).minusSeconds(60));
        Path stale = touch("dudao-part-" + dead + "-1.bin", old);
        Path staleSpill = touch("dudao-verdicts-" + dead + "-7.bin", old);
        Path recent = touch("dudao-part-" + dead + "-2.bin", FileTime.from(now.minusSeconds(5)));
        Path mine = touch("dudao-part-" + me + "-3.bin", old);
        Path running = touch("dudao-values-" + alive + "-4.json", old);
        Path other = touch("dudao-rules-" + dead + ".txt", old);
        Path foreign = touch("someone-" + dead + "-1.bin", old);

        assertThat(TempFiles.removeStale(dir, now)).isEqualTo(2);
        assertThat(stale).doesNotExist();
        assertThat(staleSpill).doesNotExist();
        assertThat(recent).exists(); // perhaps a run in a sibling container sharing the folder: left for later
        assertThat(mine).exists();
        assertThat(running).exists();
        assertThat(other).exists();
        assertThat(foreign).exists();
    }

    private Path touch(String name, FileTime written) throws Exception {
        Path p = Files.createFile(dir.resolve(name));
        Files.setLastModifiedTime(p, written);
        return p;
    }
}
