package dev.fmnist.api.model;

import dev.fmnist.api.internal.json.JsonException;
import dev.fmnist.api.internal.json.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an imported model came from: the foreign file it was read from and what that file said about itself.
 *
 * @param fileName the source file's name (without its directory)
 * @param sha256 SHA-256 of the source file's bytes, lower-case hex
 * @param format the format it was read as, such as {@code "keras-h5"} or {@code "keras"}
 * @param kerasVersion the {@code keras_version} the file records, or {@code "unknown"}
 * @param kerasBackend the {@code backend} the file records, or {@code "unknown"}
 * @param trainingConfig the file's training configuration as JSON text, or null when it has none
 * @param importedAt when it was imported
 */
public record ImportSource(String fileName, String sha256, String format, String kerasVersion, String kerasBackend,
        String trainingConfig, Instant importedAt) {

    public ImportSource {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(kerasVersion, "kerasVersion");
        Objects.requireNonNull(kerasBackend, "kerasBackend");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    /** As a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_name", fileName);
        m.put("sha256", sha256);
        m.put("format", format);
        m.put("keras_version", kerasVersion);
        m.put("keras_backend", kerasBackend);
        if (trainingConfig != null) {
            m.put("training_config", trainingConfig);
        }
        m.put("imported_at", importedAt.toString());
        return m;
    }

    /** Reads it from JSON. */
    public static ImportSource fromJson(Map<String, Object> m) {
        Instant at;
        try {
            at = Instant.parse(JsonFields.string(m, "imported_at"));
        } catch (DateTimeParseException e) {
            throw new JsonException("field 'imported_at' is not an ISO-8601 instant");
        }
        Object config = m.get("training_config");
        return new ImportSource(JsonFields.string(m, "file_name"), JsonFields.string(m, "sha256"),
                JsonFields.string(m, "format"), JsonFields.string(m, "keras_version", "unknown"),
                JsonFields.string(m, "keras_backend", "unknown"), config instanceof String s ? s : null, at);
    }
}
