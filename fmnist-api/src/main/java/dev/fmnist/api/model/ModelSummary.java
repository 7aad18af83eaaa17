package dev.fmnist.api.model;

import dev.fmnist.api.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code model.summary()} for a description: each layer's name and class, output shape (with the
 * batch axis as {@code None}) and parameter count, then the total, trainable and non-trainable counts.
 *
 * @param name the model's name
 * @param rows one per layer, in order
 * @param total every parameter value (Keras's "Total params")
 * @param trainable the trainable ones
 */
public record ModelSummary(String name, List<Row> rows, long total, long trainable) {
    private static final int[] WIDTHS = {30, 26, 12};
    /** Characters printed of a model or layer name read from a file. */
    private static final int NAME_LIMIT = 80;

    /**
     * One layer of the table.
     *
     * @param name the layer's name, such as {@code conv2d_1}
     * @param kerasClass its Keras class, such as {@code Conv2D}
     * @param outputShape Keras's notation, such as {@code (None, 14, 14, 64)}
     * @param parameters its parameter values, trainable or not
     */
    public record Row(String name, String kerasClass, String outputShape, long parameters) {
    }

    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code spec}. */
    public static ModelSummary of(ModelSpec spec) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        long trainable = 0;
        for (LayerNode n : spec.nodes()) {
            rows.add(new Row(n.name(), n.layer().kerasClass(), n.output().withBatch(), n.parameterCount()));
            for (ParameterSpec p : n.parameters()) {
                total += p.size();
                trainable += p.trainable() ? p.size() : 0;
            }
        }
        return new ModelSummary(spec.name(), rows, total, trainable);
    }

    /** Parameters the optimiser does not update (BatchNormalization's moving statistics). */
    public long nonTrainable() {
        return total - trainable;
    }

    /** The table as Keras prints it (its plain-text form; the first column widens rather than truncate). */
    public String toText() {
        // Names come from files: escaped and bounded before the widths are measured.
        List<String> labels = new ArrayList<>(rows.size());
        int first = WIDTHS[0];
        for (Row r : rows) {
            String label = SafeText.of(r.name(), NAME_LIMIT) + " (" + SafeText.of(r.kerasClass(), NAME_LIMIT) + ")";
            labels.add(label);
            first = Math.max(first, label.length() + 3);
        }
        int[] widths = {first, WIDTHS[1], WIDTHS[2]};
        int width = widths[0] + widths[1] + widths[2];
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(SafeText.of(name, NAME_LIMIT)).append("\"\n");
        sb.append("_".repeat(width)).append('\n');
        line(sb, widths, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(width)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            line(sb, widths, labels.get(i), r.outputShape(), String.format(Locale.ROOT, "%,d",
                    r.parameters()));
            sb.append(i == rows.size() - 1 ? "=".repeat(width) : "_".repeat(width)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%n", total));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", nonTrainable()));
        sb.append("_".repeat(width)).append('\n');
        return sb.toString();
    }

    /** The summary as a JSON object: {@code {name, layers: [{name, class, output_shape, parameters}], ...}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        List<Object> layers = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", r.name());
            l.put("class", r.kerasClass());
            l.put("output_shape", r.outputShape());
            l.put("parameters", r.parameters());
            layers.add(l);
        }
        m.put("layers", layers);
        m.put("total_parameters", total);
        m.put("trainable_parameters", trainable);
        m.put("non_trainable_parameters", nonTrainable());
        return m;
    }

    private static void line(StringBuilder sb, int[] widths, String a, String b, String c) {
        sb.append(' ').append(pad(a, widths[0] - 1)).append(pad(b, widths[1])).append(c).append('\n');
    }

    private static String pad(String s, int width) {
        String t = s.length() >= width ? s.substring(0, width - 1) : s;
        return t + " ".repeat(width - t.length());
    }
}
