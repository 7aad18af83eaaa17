package dev.fmnist.keras.write;

import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.keras.config.KerasLayer;
import dev.fmnist.keras.config.KerasNames;
import dev.fmnist.keras.config.SpecToKeras;
import dev.fmnist.keras.hdf5.H5Tree;
import dev.fmnist.keras.hdf5.H5Writer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a model as Keras 3's {@code model.save('x.keras')} does: a zip of stored members
 * {@code metadata.json}, {@code config.json} and {@code model.weights.h5}, the weights under
 * {@code layers/<class in snake case>[_n]/vars/0, 1, ...} with an empty {@code vars} group for layers without
 * weights and for the model itself, each {@code vars} group carrying the layer's {@code name} (as Keras 3.8+).
 */
public final class KerasZipWriter {
    /** The Keras version the file claims. */
    public static final String KERAS_VERSION = "3.8.0";
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    private KerasZipWriter() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(Path path, SavedModel model) {
        KerasLayer keras = SpecToKeras.toKeras(model.spec());
        List<LayerTensors> layers = LayerTensors.of(keras, model.weights());
        H5Tree.Group file = new H5Tree.Group();
        file.group("vars").attribute("name", keras.name());
        H5Tree.Group group = file.group("layers");
        Map<String, Integer> used = new HashMap<>();
        for (LayerTensors l : layers) {
            String base = KerasNames.snakeCase(l.layer().className());
            int n = used.merge(base, 1, Integer::sum) - 1;
            H5Tree.Group vars = group.group(n == 0 ? base : base + "_" + n).group("vars");
            vars.attribute("name", l.layer().name());
            int i = 0;
            for (Tensor t : l.tensors()) {
                vars.dataset(Integer.toString(i++), t.shape(), t.data());
            }
        }
        byte[] weights = H5Writer.write(file);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("keras_version", KERAS_VERSION);
        metadata.put("date_saved", LocalDateTime.now(ZoneOffset.UTC).format(SAVED));
        String config = Json.write(KerasJson.keras3Config(keras, SpecToKeras.dims(model.spec().inputShape()),
                SpecToKeras.buildShapes(model.spec())));
        AtomicFiles.write(path, out -> {
            // Finished, not closed: AtomicFiles owns the stream and syncs it after this.
            ZipOutputStream zip = new ZipOutputStream(out);
            stored(zip, "metadata.json", Json.write(metadata).getBytes(StandardCharsets.UTF_8));
            stored(zip, "config.json", config.getBytes(StandardCharsets.UTF_8));
            stored(zip, "model.weights.h5", weights);
            zip.finish();
        });
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
