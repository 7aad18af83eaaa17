package dev.fmnist.api.io;

import dev.fmnist.api.error.FmnistException;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.error.ModelFormatException;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonException;
import dev.fmnist.api.internal.json.JsonFields;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.ParameterSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import dev.fmnist.api.training.History;
import dev.fmnist.api.training.OptimizerState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The portable model file ({@code .fmnist}), readable by every backend. Layout, version 3:
 *
 * <pre>
 * offset  size  content
 * 0       8     magic "FMNISTMF" (ASCII)
 * 8       4     format version, big-endian int32 (2, or 3 with optimizer state; 1 is still read)
 * 12      4     header length H, big-endian int32 (at most 16 MiB)
 * 16      H     header: UTF-8 JSON {format, version, spec, provenance, history, history_summary,
 *               optimizer, tensors}
 * 16+H    D     tensor data: each tensor's float32 values, little-endian, row-major, in header order
 * 16+H+D  4     CRC-32 of every byte before it, big-endian
 * </pre>
 *
 * {@code spec} is the model description in fmnist's JSON ({@link ModelSpec#toJson()}). Each entry of
 * {@code tensors} is {@code {name, shape, dtype: "float32", trainable, offset, length}} with {@code offset}
 * counted from the start of the data section. The tensors are every parameter of
 * {@link ModelSpec#parameters()}, trainable or not, in that order: layer by layer, each layer's in Keras's
 * weight order, named {@code <layer>/<weight>} with Keras's automatic layer names ({@code conv2d},
 * {@code conv2d_1}, {@code max_pooling2d}, {@code dense}, {@code dense_1}, {@code batch_normalization}, ...)
 * and weight names ({@code kernel}, {@code bias}, {@code gamma}, {@code beta}, {@code moving_mean},
 * {@code moving_variance}), in Keras's shapes (Dense kernel {@code [in, units]}, Conv2D kernel
 * {@code [kh, kw, in, filters]}).
 *
 * <p>Version 1 (dense stacks only) named the i-th Dense layer {@code dense_i} from 0; reading renames
 * {@code dense_0} to {@code dense} and keeps the rest, which is then the same name.
 *
 * <p>Version 3 adds the optimizer's state for resuming training: the header's {@code optimizer} object
 * ({@code type}, {@code iterations}, {@code learning_rate}) and, after the weights, one tensor per
 * parameter and slot named {@code optimizer/<parameter>/<slot>}, such as {@code optimizer/dense/kernel/momentum}
 * (see {@link OptimizerState}); a file without optimizer state is written as version 2. Any version may
 * carry {@code history_summary} (best and stopped epoch, test metrics), which older readers ignore. Every
 * size is checked
 * against the file's real length before anything is allocated, and the file is written through
 * {@link AtomicFiles}. No Java serialisation.
 */
public final class ModelFile {
    /** The file's magic bytes. */
    public static final byte[] MAGIC = "FMNISTMF".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 3;
    /** The version written for a model without optimizer state. */
    public static final int PLAIN_VERSION = 2;
    /** Prefix of the optimizer state's tensor names. */
    public static final String OPTIMIZER_PREFIX = "optimizer/";
    /** Conventional file extension. */
    public static final String EXTENSION = ".fmnist";

    private static final int PREAMBLE = 16;
    private static final int TRAILER = 4;
    private static final int MAX_HEADER = 16 << 20;
    private static final long MAX_FILE = 1L << 30;

    private ModelFile() {
    }

    /** Writes a model file atomically. @throws StorageException if the path cannot be written */
    public static void write(Path path, SavedModel model) {
        model.weights().checkMatches(model.spec());
        byte[] bytes = encode(model);
        AtomicFiles.write(path, bytes);
    }

    /**
     * Reads and validates a model file.
     *
     * @throws ModelFormatException if the file is not a valid fmnist model (message names the file)
     * @throws StorageException if it cannot be read
     */
    public static SavedModel read(Path path) {
        byte[] bytes;
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // /dev/zero would be read until memory runs out, a FIFO would block forever.
            throw new StorageException("model file " + path + " is not a regular file"
                    + (Files.isDirectory(path) ? " (a directory)" : " (a pipe, device or socket)"));
        }
        try {
            long size = Files.size(path);
            if (size > MAX_FILE) {
                throw new ModelFormatException(path + " is not an fmnist model: " + size + " bytes is too large");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new StorageException("model file " + path + " does not exist");
        } catch (IOException e) {
            throw new StorageException("cannot read model file " + path + ": " + AtomicFiles.describe(e), e);
        }
        try {
            return decode(bytes);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(path + ": " + e.getMessage(), e);
        } catch (FmnistException e) {
            throw new ModelFormatException(path + " is not a valid fmnist model: " + e.getMessage(), e);
        }
    }

    /** The file's bytes for a model. */
    public static byte[] encode(SavedModel model) {
        List<Tensor> tensors = new ArrayList<>(model.weights().tensors());
        for (Tensor t : tensors) {
            int bad = firstNonFinite(t.data());
            if (bad >= 0) {
                throw new InvalidInputException("cannot save the model: tensor " + t.name() + " holds "
                        + t.data()[bad] + " at index " + bad + " (training diverged?)");
            }
        }
        Map<String, Boolean> trainable = new LinkedHashMap<>();
        for (ParameterSpec p : model.spec().parameters()) {
            trainable.put(p.name(), p.trainable());
        }
        OptimizerState state = model.optimizer();
        if (state != null) {
            for (Tensor t : state.slots()) {
                tensors.add(new Tensor(OPTIMIZER_PREFIX + t.name(), t.shape(), t.data()));
            }
        }
        int version = state == null ? PLAIN_VERSION : FORMAT_VERSION;
        List<Object> index = new ArrayList<>();
        long offset = 0;
        for (Tensor t : tensors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", t.name());
            entry.put("shape", t.shape());
            entry.put("dtype", "float32");
            entry.put("trainable", trainable.getOrDefault(t.name(), !t.name().startsWith(OPTIMIZER_PREFIX)));
            entry.put("offset", offset);
            entry.put("length", (long) t.data().length * Float.BYTES);
            index.add(entry);
            offset += (long) t.data().length * Float.BYTES;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "fmnist-model");
        header.put("version", version);
        header.put("spec", model.spec().toJson());
        header.put("provenance", model.provenance().toJson());
        header.put("history", model.history().toJson());
        if (!model.history().summaryJson().isEmpty()) {
            header.put("history_summary", model.history().summaryJson());
        }
        if (state != null) {
            Map<String, Object> optimizer = new LinkedHashMap<>();
            optimizer.put("type", state.optimizer());
            optimizer.put("iterations", state.iterations());
            optimizer.put("learning_rate", state.learningRate());
            header.put("optimizer", optimizer);
        }
        header.put("tensors", index);
        byte[] json = Json.writePretty(header).getBytes(StandardCharsets.UTF_8);

        int total = Math.toIntExact(PREAMBLE + json.length + offset + TRAILER);
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.put(MAGIC).putInt(version).putInt(json.length).put(json);
        buf.order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors) {
            for (float f : t.data()) {
                buf.putFloat(f);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.order(ByteOrder.BIG_ENDIAN).putInt((int) crc.getValue());
        return buf.array();
    }

    /**
     * The one check of a format version, for the preamble and the header alike: versions 1 up to
     * {@link #FORMAT_VERSION} are the ones this build knows.
     */
    private static void requireKnownVersion(long version) {
        if (version < 1 || version > FORMAT_VERSION) {
            throw new ModelFormatException("model file format version " + version
                    + " is not supported (this fmnist reads versions 1 to " + FORMAT_VERSION + ")");
        }
    }

    /** The index of the first NaN or infinity in {@code data}, or -1. */
    private static int firstNonFinite(float[] data) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Parses a model file's bytes. @throws ModelFormatException describing the first problem */
    public static SavedModel decode(byte[] bytes) {
        if (bytes.length < PREAMBLE + TRAILER) {
            throw new ModelFormatException("not an fmnist model file (only " + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException("not an fmnist model file (bad magic bytes)");
        }
        int version = buf.getInt();
        requireKnownVersion(version);
        int headerLength = buf.getInt();
        if (headerLength <= 0 || headerLength > MAX_HEADER || headerLength > bytes.length - PREAMBLE - TRAILER) {
            throw new ModelFormatException("corrupt or truncated: header length " + headerLength
                    + " does not fit a file of " + bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER);
        int stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException("corrupt or truncated: checksum mismatch");
        }
        Map<String, Object> header;
        try {
            header = Json.parseObject(new String(bytes, PREAMBLE, headerLength, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new ModelFormatException("header is not valid JSON: " + e.getMessage(), e);
        }
        if (!"fmnist-model".equals(header.get("format"))) {
            throw new ModelFormatException("header does not declare format 'fmnist-model'");
        }
        if (!(header.get("version") instanceof Long headerVersion)) {
            throw new ModelFormatException("header does not declare its format version");
        }
        if (headerVersion != version) {
            requireKnownVersion(headerVersion);
            throw new ModelFormatException("header declares format version " + headerVersion
                    + " but the file's preamble " + version);
        }
        ModelSpec spec = ModelSpec.fromJson(JsonFields.object(header, "spec"));
        Provenance provenance = Provenance.fromJson(JsonFields.object(header, "provenance"));
        Map<String, Object> summary = header.get("history_summary") == null ? Map.of()
                : JsonFields.object(header, "history_summary");
        History history = header.get("history") == null ? History.empty()
                : History.fromJson(JsonFields.array(header, "history"), summary);

        long dataStart = PREAMBLE + (long) headerLength;
        long dataLength = bytes.length - TRAILER - dataStart;
        List<Tensor> tensors = new ArrayList<>();
        List<Tensor> slots = new ArrayList<>();
        long expectedOffset = 0;
        for (Object o : JsonFields.array(header, "tensors")) {
            Map<String, Object> entry = JsonFields.asObject(o, "tensor entry");
            String name = version == 1 ? version1Name(JsonFields.string(entry, "name"))
                    : JsonFields.string(entry, "name");
            if (!"float32".equals(JsonFields.string(entry, "dtype"))) {
                throw new ModelFormatException("tensor " + name + " has unsupported dtype " + entry.get("dtype"));
            }
            List<Object> dims = JsonFields.array(entry, "shape");
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                    throw new ModelFormatException("tensor " + name + " has an invalid shape " + dims);
                }
                shape[i] = (int) (long) d;
            }
            long offset = JsonFields.integer(entry, "offset");
            long length = JsonFields.integer(entry, "length");
            long elements = Tensor.elementCount(shape);
            if (offset != expectedOffset || length != elements * Float.BYTES || offset + length > dataLength) {
                throw new ModelFormatException("tensor " + name + " (" + length + " bytes at " + offset
                        + ") does not fit the " + dataLength + " bytes of tensor data");
            }
            float[] data = new float[(int) elements];
            ByteBuffer slice = ByteBuffer.wrap(bytes, (int) (dataStart + offset), (int) length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            slice.asFloatBuffer().get(data);
            int bad = firstNonFinite(data);
            if (bad >= 0) {
                // A CRC proves the bytes were not damaged, not that they are weights: backends disagree on NaN.
                throw new ModelFormatException("tensor " + name + " holds " + data[bad] + " at index " + bad
                        + "; weights must be finite numbers");
            }
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                slots.add(new Tensor(name.substring(OPTIMIZER_PREFIX.length()), shape, data));
            } else {
                tensors.add(new Tensor(name, shape, data));
            }
            expectedOffset = offset + length;
        }
        if (expectedOffset != dataLength) {
            throw new ModelFormatException("tensor data is " + dataLength + " bytes but the header describes "
                    + expectedOffset);
        }
        Weights weights = new Weights(tensors);
        try {
            weights.checkMatches(spec);
        } catch (FmnistException e) {
            throw new ModelFormatException("weights do not match the model description: " + e.getMessage(), e);
        }
        return new SavedModel(spec, weights, provenance, history, optimizerState(header, slots, weights));
    }

    private static OptimizerState optimizerState(Map<String, Object> header, List<Tensor> slots, Weights weights) {
        if (header.get("optimizer") == null) {
            if (!slots.isEmpty()) {
                throw new ModelFormatException("optimizer tensors without an 'optimizer' header entry");
            }
            return null;
        }
        Map<String, Object> m = JsonFields.object(header, "optimizer");
        for (Tensor slot : slots) {
            String name = slot.name();
            int cut = name.lastIndexOf('/');
            Tensor parameter = cut < 0 ? null : weights.tensors().stream()
                    .filter(t -> t.name().equals(name.substring(0, cut))).findFirst().orElse(null);
            if (parameter == null || !java.util.Arrays.equals(parameter.shape(), slot.shape())) {
                throw new ModelFormatException("optimizer tensor " + name + " matches no parameter of its shape");
            }
        }
        return new OptimizerState(JsonFields.string(m, "type"), JsonFields.integer(m, "iterations"),
                JsonFields.number(m, "learning_rate"), slots);
    }

    /** Version 1 named Dense layers {@code dense_0, dense_1, ...}; Keras (and version 2) {@code dense, dense_1}. */
    private static String version1Name(String name) {
        return name.startsWith("dense_0/") ? "dense/" + name.substring("dense_0/".length()) : name;
    }
}
