package dev.fmnist.serve;

import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Predictor;
import dev.fmnist.api.model.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model a server answers with. The caller owns the model and closes it after the server stops.
 *
 * @param name a name for people (such as the model file's name)
 * @param spec the network
 * @param provenance where it came from, with its metrics
 * @param backend the backend it runs on
 * @param predictor the model itself; must be safe for concurrent use (every fmnist backend's is)
 */
public record ServedModel(String name, ModelSpec spec, Provenance provenance, String backend, Predictor predictor) {

    /** The test accuracy recorded in the provenance, or NaN. */
    public double testAccuracy() {
        Double value = provenance.metrics().get("test_accuracy");
        return value == null ? Double.NaN : value;
    }

    /** The document of {@code GET /v1/model}. */
    Map<String, Object> toJson(boolean authRequired) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("network", spec.name());
        m.put("summary", spec.summary());
        m.put("parameters", spec.parameterCount());
        m.put("backend", backend);
        m.put("test_accuracy", Double.isNaN(testAccuracy()) ? null : testAccuracy());
        m.put("metrics", new TreeMap<>(provenance.metrics()));
        m.put("spec", spec.toJson());
        m.put("provenance", provenance.toJson());
        m.put("auth_required", authRequired);
        return m;
    }
}
