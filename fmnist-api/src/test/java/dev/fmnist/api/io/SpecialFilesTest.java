package dev.fmnist.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.FmnistException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A model path must be a regular file: a device is never read to exhaustion, a FIFO never waited on. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpecialFilesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDeviceIsNotAModelFile() {
        Path zero = Path.of("/dev/zero");
        assertThat(Files.exists(zero)).isTrue();

        assertThatThrownBy(() -> ModelFile.read(zero)).isInstanceOf(FmnistException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsNotAModelFile() throws Exception {
        Path fifo = dir.resolve("m.fmnist");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> ModelFile.read(fifo)).isInstanceOf(FmnistException.class)
                .hasMessageContaining("not a regular file");
    }
}
