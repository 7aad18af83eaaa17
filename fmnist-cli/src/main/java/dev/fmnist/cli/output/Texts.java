package dev.fmnist.cli.output;

import dev.fmnist.api.text.SafeText;
import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small formatting helpers shared by the commands' text and JSON output. */
public final class Texts {
    /** Characters printed of a path. */
    private static final int PATH_LIMIT = 1024;

    private Texts() {
    }

    /** A string read from a file (a name, provenance), escaped and bounded for the terminal. */
    public static String safe(Object text) {
        return SafeText.of(String.valueOf(text));
    }

    /** A path (a file name may hold anything), escaped and bounded for the terminal. */
    public static String path(Object path) {
        return SafeText.of(String.valueOf(path), PATH_LIMIT);
    }

    /** A dataset's shape as the tutorial prints it: {@code 60000x28x28}. */
    public static String shape(Dataset data) {
        return data.size() + "x28x28";
    }

    /** A probability as a percentage, {@code 97.1%}. */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    /** A number with thousands separators, {@code 101,770}. */
    public static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The top {@code n} classes of a prediction, one per line, each indented by {@code indent}. */
    public static String topLines(Prediction p, int n, String indent) {
        StringBuilder sb = new StringBuilder();
        int rank = 1;
        for (Prediction.Ranked r : p.top(n)) {
            sb.append(String.format(Locale.ROOT, "%s%d. %d %-12s %7s%n", indent, rank++, r.fashionClass().label(),
                    r.fashionClass().displayName(), percent(r.probability())));
        }
        return sb.toString();
    }

    /** The top {@code n} classes as JSON: {@code [{label, name, probability}, ...]}. */
    public static List<Object> topJson(Prediction p, int n) {
        List<Object> out = new ArrayList<>();
        for (Prediction.Ranked r : p.top(n)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.fashionClass().label());
            m.put("name", r.fashionClass().displayName());
            m.put("probability", (double) r.probability());
            out.add(m);
        }
        return out;
    }

    /** A class as JSON: {@code {label, name}}. */
    public static Map<String, Object> classJson(FashionClass c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", c.label());
        m.put("name", c.displayName());
        return m;
    }
}
