package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainTinyModelTest {
    @Test
    void trainsSavesReloadsAndClassifies(@TempDir Path dir) {
        Path out = dir.resolve("tiny.fmnist");
        TrainTinyModel.main(new String[] {out.toString()});
        assertTrue(Files.isRegularFile(out), "model file written");
    }
}
