package dev.fmnist.keras;

import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.api.io.ModelFormat;
import dev.fmnist.api.io.ReadOptions;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.keras.onnx.OnnxExport;
import java.nio.file.Path;
import java.util.List;

/** ONNX, written only: {@code .onnx} files ONNX Runtime runs (see {@link OnnxExport}). */
public final class OnnxFormat implements ModelFormat {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public List<String> extensions() {
        return List.of(".onnx");
    }

    @Override
    public boolean recognizes(byte[] head, Path path) {
        return false;
    }

    @Override
    public SavedModel read(Path path, ReadOptions options) {
        throw new ModelFormatException(path + ": fmnist writes ONNX files but does not read them");
    }

    @Override
    public void write(Path path, SavedModel model) {
        AtomicFiles.write(path, OnnxExport.bytes(model));
    }
}
