package dev.fmnist.api.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** fmnist's own {@code .fmnist} file ({@link ModelFile}) as a {@link ModelFormat}; always installed. */
final class FmnistFormat implements ModelFormat {

    @Override
    public String name() {
        return "fmnist";
    }

    @Override
    public List<String> extensions() {
        return List.of(ModelFile.EXTENSION);
    }

    @Override
    public boolean recognizes(byte[] head, Path path) {
        return head.length >= ModelFile.MAGIC.length
                && Arrays.equals(head, 0, ModelFile.MAGIC.length, ModelFile.MAGIC, 0, ModelFile.MAGIC.length);
    }

    @Override
    public SavedModel read(Path path, ReadOptions options) {
        return ModelFile.read(path);
    }

    @Override
    public void write(Path path, SavedModel model) {
        ModelFile.write(path, model);
    }
}
