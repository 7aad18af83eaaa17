package dev.fmnist.api.model;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.internal.json.JsonException;
import dev.fmnist.api.internal.json.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a model came to be, stored in its file: enough to trust it and to train it again.
 *
 * @param backend the backend that trained it ({@code pure}, {@code dl4j}, {@code tf}, ...)
 * @param backendVersion that backend's library version
 * @param fmnistVersion the fmnist version that trained it
 * @param config the training settings
 * @param dataName the training set's name
 * @param dataSha256 SHA-256 of the training data's source files, or {@code "unknown"}
 * @param metrics final metrics, such as {@code train_loss}, {@code test_accuracy}
 * @param created when training finished
 * @param jvm the JVM that trained it
 * @param os the operating system and architecture
 * @param complete false when training was interrupted before its last epoch ended
 * @param epochsCompleted epochs actually finished
 * @param imported the foreign file the model was imported from (a Keras file, say); null for models trained by
 *     fmnist
 */
public record Provenance(String backend, String backendVersion, String fmnistVersion, TrainingConfig config,
        String dataName, String dataSha256, Map<String, Double> metrics, Instant created, String jvm, String os,
        boolean complete, int epochsCompleted, ImportSource imported) {

    public Provenance {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(config, "config");
        metrics = Map.copyOf(metrics);
    }

    /** Provenance of a model trained by fmnist (nothing imported). */
    public Provenance(String backend, String backendVersion, String fmnistVersion, TrainingConfig config,
            String dataName, String dataSha256, Map<String, Double> metrics, Instant created, String jvm, String os,
            boolean complete, int epochsCompleted) {
        this(backend, backendVersion, fmnistVersion, config, dataName, dataSha256, metrics, created, jvm, os,
                complete, epochsCompleted, null);
    }

    /** Whether the model was imported from a foreign file rather than trained by fmnist. */
    public boolean isImported() {
        return imported != null;
    }

    /** Provenance for a model trained now, in this JVM. */
    public static Provenance now(String backend, String backendVersion, TrainingConfig config, String dataName,
            String dataSha256, Map<String, Double> metrics, boolean complete, int epochsCompleted) {
        return new Provenance(backend, backendVersion, Fmnist.VERSION, config, dataName, dataSha256, metrics,
                Instant.now(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), complete, epochsCompleted);
    }

    /** The same provenance with some metrics added or replaced. */
    public Provenance withMetrics(Map<String, Double> more) {
        Map<String, Double> merged = new LinkedHashMap<>(metrics);
        merged.putAll(more);
        return new Provenance(backend, backendVersion, fmnistVersion, config, dataName, dataSha256, merged,
                created, jvm, os, complete, epochsCompleted, imported);
    }

    /** The provenance as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("backend_version", backendVersion);
        m.put("fmnist_version", fmnistVersion);
        m.put("training_config", config.toJson());
        m.put("data_name", dataName);
        m.put("data_sha256", dataSha256);
        m.put("metrics", new TreeMap<>(metrics));
        m.put("created", created.toString());
        m.put("jvm", jvm);
        m.put("os", os);
        m.put("complete", complete);
        m.put("epochs_completed", epochsCompleted);
        if (imported != null) {
            m.put("imported", imported.toJson());
        }
        return m;
    }

    /** Reads provenance from JSON. */
    public static Provenance fromJson(Map<String, Object> m) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : JsonFields.object(m, "metrics").entrySet()) {
            if (e.getValue() instanceof Number n) {
                metrics.put(e.getKey(), n.doubleValue());
            }
        }
        Instant created;
        try {
            created = Instant.parse(JsonFields.string(m, "created"));
        } catch (DateTimeParseException e) {
            throw new JsonException("field 'created' is not an ISO-8601 instant");
        }
        return new Provenance(JsonFields.string(m, "backend"), JsonFields.string(m, "backend_version", "unknown"),
                JsonFields.string(m, "fmnist_version", "unknown"),
                TrainingConfig.fromJson(JsonFields.object(m, "training_config")),
                JsonFields.string(m, "data_name", "unknown"), JsonFields.string(m, "data_sha256", "unknown"),
                metrics, created, JsonFields.string(m, "jvm", "unknown"), JsonFields.string(m, "os", "unknown"),
                JsonFields.bool(m, "complete", true), (int) JsonFields.number(m, "epochs_completed", 0),
                m.get("imported") == null ? null : ImportSource.fromJson(JsonFields.object(m, "imported")));
    }
}
