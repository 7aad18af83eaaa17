package dev.fmnist.spark.runtime;

import dev.fmnist.api.io.ModelFile;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.spi.BackendRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models loaded in this JVM, one per (model file, backend). On an executor every task of a job
 * shares one backend instance and one loaded model: the first task that needs it decodes the broadcast
 * file and loads it, the others wait for that and reuse it. Everything is closed when the JVM shuts
 * down. Thread-safe.
 */
public final class ExecutorModels {
    private static final Map<String, LoadedModel> MODELS = new ConcurrentHashMap<>();
    private static final Object HOOK_LOCK = new Object();
    private static volatile BackendRegistry registry;

    private ExecutorModels() {
    }

    /** A model and the backend it runs on; owned by this cache, never closed by callers. */
    public record LoadedModel(String backend, SavedModel saved, Model model) {
    }

    /**
     * The model in {@code blob} on the named backend (null: the default backend), loading it on first use.
     *
     * @throws dev.fmnist.api.error.FmnistException if the file is not a model file or the backend cannot run it
     */
    public static LoadedModel get(ModelBlob blob, String backendName) {
        String key = blob.sha256() + "|" + (backendName == null ? "" : backendName);
        return MODELS.computeIfAbsent(key, k -> load(blob, backendName));
    }

    private static LoadedModel load(ModelBlob blob, String backendName) {
        BackendRegistry reg = registry();
        String name = backendName != null ? backendName : reg.defaultName();
        Backend backend = reg.backend(name);
        SavedModel saved = ModelFile.decode(blob.bytes());
        return new LoadedModel(name, saved, backend.load(saved.spec(), saved.weights(), saved.provenance()));
    }

    /** The JVM's backend registry, found through ServiceLoader on first use. */
    public static BackendRegistry registry() {
        BackendRegistry r = registry;
        if (r == null) {
            synchronized (HOOK_LOCK) {
                r = registry;
                if (r == null) {
                    r = BackendRegistry.load(ExecutorModels.class.getClassLoader());
                    registry = r;
                    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "fmnist-close"));
                }
            }
        }
        return r;
    }

    /** Closes every model and the registry (its backends). Called at JVM shutdown; safe to call again. */
    public static void closeAll() {
        synchronized (HOOK_LOCK) {
            MODELS.values().forEach(m -> m.model().close());
            MODELS.clear();
            BackendRegistry r = registry;
            registry = null;
            if (r != null) {
                r.close();
            }
        }
    }
}
