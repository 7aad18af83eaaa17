package dev.fmnist.cli.output;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void newFilesInNewDirectoriesAreFine() {
        assertThatCode(() -> OutputPaths.checkWritableFile(dir.resolve("a/b/c.fmnist"))).doesNotThrowAnyException();
    }

    @Test
    void aFileCannotBeADirectoryNorLiveUnderAFile() throws IOException {
        Files.writeString(dir.resolve("f"), "x");

        assertThatThrownBy(() -> OutputPaths.checkWritableFile(dir)).isInstanceOf(StorageException.class)
                .hasMessageEndingWith("it is a directory");
        assertThatThrownBy(() -> OutputPaths.checkWritableFile(dir.resolve("f/g/model.fmnist")))
                .isInstanceOf(StorageException.class).hasMessageEndingWith(dir.resolve("f") + " is not a directory");
    }
}
