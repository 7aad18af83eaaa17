package dev.fmnist.serve;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few test images for the page's strip of samples: the first of each class in the test set, or none
 * when the data is not installed (the page then hides the strip).
 */
public final class TestSamples {
    private final List<Map<String, Object>> samples;

    private TestSamples(List<Map<String, Object>> samples) {
        this.samples = List.copyOf(samples);
    }

    /** No samples. */
    public static TestSamples none() {
        return new TestSamples(List.of());
    }

    /** The first test image of each class, in label order. */
    public static TestSamples firstOfEachClass(Dataset test) {
        List<Map<String, Object>> found = new ArrayList<>();
        boolean[] seen = new boolean[FashionClass.COUNT];
        for (int i = 0; i < test.size() && found.size() < FashionClass.COUNT; i++) {
            int label = test.label(i);
            if (!seen[label]) {
                seen[label] = true;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("label", label);
                m.put("class", FashionClass.ofLabel(label).displayName());
                m.put("pixels_base64", Base64.getEncoder().encodeToString(test.image(i)));
                found.add(m);
            }
        }
        found.sort((a, b) -> Integer.compare((int) a.get("label"), (int) b.get("label")));
        return new TestSamples(found);
    }

    /** The document of {@code GET /v1/samples}. */
    Map<String, Object> toJson() {
        return Map.of("samples", samples);
    }

    /** How many there are. */
    public int size() {
        return samples.size();
    }
}
