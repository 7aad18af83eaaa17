package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save killed half-way (SIGKILL, a second Ctrl-C) leaves its temporary file; the next save beside it
 * removes the temporaries of writers that no longer run, and only those.
 */
class StaleTemporariesTest {
    @TempDir
    Path dir;

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private String[] names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theTemporaryOfADeadWriterIsRemovedByTheNextSave() throws Exception {
        Path stale = Files.write(dir.resolve(".m.fmnist." + deadPid() + ".8812.tmp"), new byte[1 << 20]);

        AtomicFiles.write(dir.resolve("m.fmnist"), new byte[] {1, 2, 3});

        assertThat(stale).doesNotExist();
        assertThat(names()).containsExactly("m.fmnist");
    }

    @Test
    void theTemporaryOfALiveWriterAndOtherFilesAreKept() throws Exception {
        Path live = Files.write(dir.resolve(".m.fmnist." + ProcessHandle.current().pid() + ".77.tmp"), new byte[3]);
        Path foreign = Files.write(dir.resolve(".m.fmnist.notes.tmp"), new byte[3]);
        Path other = Files.write(dir.resolve(".other.fmnist." + deadPid() + ".1.tmp"), new byte[3]);

        AtomicFiles.write(dir.resolve("m.fmnist"), new byte[] {1});

        assertThat(live).exists();
        assertThat(foreign).exists();
        assertThat(other).exists();
    }

    @Test
    void temporariesAreNamedWithTheWritersProcess() throws Exception {
        Path target = dir.resolve("x.png");
        String[] seen = new String[1];
        AtomicFiles.write(target, out -> {
            try (Stream<Path> files = Files.list(dir)) {
                seen[0] = files.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
            }
            out.write(1);
        });

        assertThat(seen[0]).startsWith(".x.png." + ProcessHandle.current().pid() + ".").endsWith(".tmp");
    }
}
