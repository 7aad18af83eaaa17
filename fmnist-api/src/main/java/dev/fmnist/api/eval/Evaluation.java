package dev.fmnist.api.eval;

import dev.fmnist.api.FashionClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well a model did on a dataset.
 *
 * @param count images evaluated
 * @param loss mean sparse categorical cross-entropy (probabilities clipped to [1e-7, 1], as Keras does)
 * @param accuracy fraction of images whose most probable class is the true one
 * @param confusion {@code confusion[true][predicted]} counts, 10x10
 * @param perClass precision, recall and F1 of each class, in label order
 */
public record Evaluation(long count, double loss, double accuracy, long[][] confusion, List<ClassMetrics> perClass) {

    public Evaluation {
        perClass = List.copyOf(perClass);
    }

    /** Builds the per-class metrics from a confusion matrix. */
    public static Evaluation of(double lossSum, long[][] confusion) {
        int k = FashionClass.COUNT;
        long total = 0;
        long correct = 0;
        long[] predicted = new long[k];
        long[] actual = new long[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                total += confusion[t][p];
                predicted[p] += confusion[t][p];
                actual[t] += confusion[t][p];
            }
            correct += confusion[t][t];
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double precision = predicted[c] == 0 ? 0 : (double) confusion[c][c] / predicted[c];
            double recall = actual[c] == 0 ? 0 : (double) confusion[c][c] / actual[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(FashionClass.ofLabel(c), precision, recall, f1, actual[c]));
        }
        return new Evaluation(total, total == 0 ? Double.NaN : lossSum / total,
                total == 0 ? Double.NaN : (double) correct / total, confusion, perClass);
    }

    /** Macro-averaged F1 over the ten classes. */
    public double macroF1() {
        return perClass.stream().mapToDouble(ClassMetrics::f1).average().orElse(Double.NaN);
    }

    /**
     * A readable report: loss and accuracy, a per-class precision/recall/F1 table and the confusion
     * matrix with true classes as rows.
     */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Images: %d   Loss: %.4f   Accuracy: %.4f   Macro F1: %.4f%n%n",
                count, loss, accuracy, macroF1()));
        sb.append(String.format(Locale.ROOT, "%-3s %-12s %9s %9s %9s %8s%n", "#", "class", "precision", "recall",
                "f1", "support"));
        for (ClassMetrics m : perClass) {
            sb.append(String.format(Locale.ROOT, "%-3d %-12s %9.4f %9.4f %9.4f %8d%n", m.fashionClass().label(),
                    m.fashionClass().displayName(), m.precision(), m.recall(), m.f1(), m.support()));
        }
        sb.append(String.format(Locale.ROOT, "%nConfusion matrix (rows: true class, columns: predicted)%n"));
        sb.append(String.format(Locale.ROOT, "%-16s", ""));
        for (int p = 0; p < FashionClass.COUNT; p++) {
            sb.append(String.format(Locale.ROOT, "%6d", p));
        }
        sb.append(System.lineSeparator());
        for (int t = 0; t < FashionClass.COUNT; t++) {
            sb.append(String.format(Locale.ROOT, "%d %-14s", t, FashionClass.ofLabel(t).displayName()));
            for (int p = 0; p < FashionClass.COUNT; p++) {
                sb.append(String.format(Locale.ROOT, "%6d", confusion[t][p]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The evaluation as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("loss", loss);
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1());
        List<Object> classes = new ArrayList<>();
        for (ClassMetrics c : perClass) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.fashionClass().label());
            cm.put("name", c.fashionClass().displayName());
            cm.put("precision", c.precision());
            cm.put("recall", c.recall());
            cm.put("f1", c.f1());
            cm.put("support", c.support());
            classes.add(cm);
        }
        m.put("per_class", classes);
        List<Object> rows = new ArrayList<>();
        for (long[] row : confusion) {
            rows.add(row.clone());
        }
        m.put("confusion", rows);
        return m;
    }
}
