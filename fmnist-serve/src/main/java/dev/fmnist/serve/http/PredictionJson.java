package dev.fmnist.serve.http;

import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.classify.Classification;
import dev.fmnist.data.image.ImageWarning;
import dev.fmnist.data.image.PreparedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON answer of {@code POST /v1/predict}: per picture, its top classes and how it was prepared. */
public final class PredictionJson {
    private PredictionJson() {
    }

    /** The document for the classifications of one request. */
    public static Map<String, Object> of(String model, String backend, List<Classification> results) {
        List<Object> predictions = new ArrayList<>(results.size());
        for (Classification c : results) {
            predictions.add(picture(c));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model);
        doc.put("backend", backend);
        doc.put("predictions", predictions);
        return doc;
    }

    private static Map<String, Object> picture(Classification c) {
        List<Object> top = new ArrayList<>(c.top().size());
        for (Prediction.Ranked r : c.top()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.fashionClass().label());
            m.put("class", r.fashionClass().displayName());
            m.put("probability", (double) r.probability());
            top.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source());
        m.put("top", top);
        m.put("preprocessing", c.preparation().map(PredictionJson::preprocessing).orElse(null));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("width", 28);
        input.put("height", 28);
        input.put("pixels_base64", Base64.getEncoder().encodeToString(c.pixels()));
        m.put("input", input);
        return m;
    }

    private static Map<String, Object> preprocessing(PreparedImage p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_width", p.sourceWidth());
        m.put("source_height", p.sourceHeight());
        m.put("inverted", p.inverted());
        Map<String, Object> crop = new LinkedHashMap<>();
        crop.put("x", p.cropX());
        crop.put("y", p.cropY());
        crop.put("width", p.cropWidth());
        crop.put("height", p.cropHeight());
        m.put("crop", crop);
        List<Object> warnings = new ArrayList<>(p.warnings().size());
        for (ImageWarning warning : p.warnings()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("code", warning.code());
            w.put("message", warning.message());
            warnings.add(w);
        }
        m.put("warnings", warnings);
        m.put("description", p.describe());
        return m;
    }
}
