package dev.fmnist.viz.report;

import dev.fmnist.api.Fmnist;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.StorageException;
import dev.fmnist.api.eval.ClassMetrics;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.io.AtomicFiles;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.text.SafeText;
import dev.fmnist.viz.chart.ConfusionHeatmap;
import dev.fmnist.viz.chart.TrainingCurves;
import dev.fmnist.viz.image.PredictionGrid;
import dev.fmnist.viz.io.Png;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link ReportContent} as one self-contained {@code index.html}: pictures embedded as PNG data
 * URIs, inline CSS, no scripts, no external resources. Optionally the PNGs are also written beside it, for
 * READMEs and slides. Every file is written atomically (temporary file, then move), the page last.
 *
 * <pre>{@code
 * Path page = ReportWriter.defaults().withPngFiles(true).write(content, Path.of("report"));
 * }</pre>
 */
public final class ReportWriter {
    /** The page's file name. */
    public static final String INDEX = "index.html";
    /** Characters shown of the model's one-line summary (its names come from the file). */
    private static final int SUMMARY_LIMIT = 1000;

    /**
     * One picture of the report.
     *
     * @param file its file name, such as {@code confusion-matrix.png}
     * @param caption what it shows
     * @param image the picture
     */
    public record Figure(String file, String caption, BufferedImage image) {
    }

    private final boolean pngFiles;

    private ReportWriter(boolean pngFiles) {
        this.pngFiles = pngFiles;
    }

    /** Writes only {@code index.html}. */
    public static ReportWriter defaults() {
        return new ReportWriter(false);
    }

    /** The same writer, also writing each picture as a PNG file beside the page. */
    public ReportWriter withPngFiles(boolean value) {
        return new ReportWriter(value);
    }

    /**
     * Writes the report into {@code dir} (created if missing), replacing an earlier report's files.
     *
     * @return the path of {@code index.html}
     * @throws StorageException naming the file that cannot be written
     */
    public Path write(ReportContent content, Path dir) {
        List<Figure> figures = figures(content);
        if (pngFiles) {
            for (Figure f : figures) {
                Png.write(f.image(), dir.resolve(f.file()));
            }
        }
        Path index = dir.resolve(INDEX);
        AtomicFiles.write(index, html(content, figures).getBytes(StandardCharsets.UTF_8));
        return index;
    }

    /** The pictures the report shows, in page order; parts without values have none. */
    public List<Figure> figures(ReportContent content) {
        List<Figure> out = new ArrayList<>();
        content.evaluation().ifPresent(e -> out.add(new Figure("confusion-matrix.png",
                "Confusion matrix: true classes as rows, predicted classes as columns.",
                ConfusionHeatmap.defaults().render(e))));
        if (!content.history().epochs().isEmpty()) {
            out.add(new Figure("training-curves.png", TrainingCurves.caption(content.history()),
                    TrainingCurves.defaults().render(content.history())));
        }
        if (!content.samples().isEmpty()) {
            out.add(new Figure("predictions.png", "Predictions on the first test images: predicted class, "
                    + "its probability and (true class); blue when right, red when wrong.",
                    PredictionGrid.defaults().render(content.samples())));
        }
        if (!content.mistakes().isEmpty()) {
            out.add(new Figure("mistakes.png", "Misclassified test images.",
                    PredictionGrid.defaults().render(content.mistakes())));
        }
        return out;
    }

    /** The page as HTML text, rendering its pictures. */
    public String html(ReportContent content) {
        return html(content, figures(content));
    }

    private String html(ReportContent c, List<Figure> figures) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(SafeText.of(c.title()))).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(SafeText.of(c.title()))).append("</h1>\n");
        c.modelSummary().ifPresent(s -> sb.append("<p class=\"summary\">").append(Html.escape(SafeText.of(s, SUMMARY_LIMIT)))
                .append("</p>\n"));
        c.evaluation().ifPresent(e -> evaluation(sb, e, c.evaluationData().orElse(null)));
        figure(sb, figures, "confusion-matrix.png");
        if (!c.history().epochs().isEmpty()) {
            sb.append("<h2>Training</h2>\n");
            figure(sb, figures, "training-curves.png");
            HistorySection.append(sb, c.history());
        }
        if (!c.samples().isEmpty() || !c.mistakes().isEmpty()) {
            sb.append("<h2>Predictions</h2>\n");
            figure(sb, figures, "predictions.png");
            figure(sb, figures, "mistakes.png");
        }
        if (c.provenance().isPresent() || c.config().isPresent()) {
            sb.append("<h2>Model</h2>\n");
            c.provenance().ifPresent(p -> provenance(sb, p));
            c.config().ifPresent(cfg -> config(sb, cfg));
        }
        sb.append("<footer>Written by fmnist ").append(Html.escape(Fmnist.VERSION)).append(".</footer>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void figure(StringBuilder sb, List<Figure> figures, String file) {
        for (Figure f : figures) {
            if (f.file().equals(file)) {
                sb.append("<figure><img src=\"").append(Png.dataUri(f.image())).append("\" width=\"")
                        .append(f.image().getWidth()).append("\" height=\"").append(f.image().getHeight())
                        .append("\" alt=\"").append(Html.escape(f.caption())).append("\"><figcaption>")
                        .append(Html.escape(f.caption())).append("</figcaption></figure>\n");
            }
        }
    }

    private static void evaluation(StringBuilder sb, Evaluation e, String dataName) {
        sb.append("<h2>Evaluation</h2>\n<table class=\"kv\">\n");
        if (dataName != null) {
            sb.append(Html.keyValue("Data", dataName));
        }
        sb.append(Html.keyValue("Images", Long.toString(e.count())))
                .append(Html.keyValue("Accuracy", percent(e.accuracy())))
                .append(Html.keyValue("Loss", number(e.loss())))
                .append(Html.keyValue("Macro F1", number(e.macroF1())))
                .append("</table>\n<table class=\"grid classes\">\n")
                .append(Html.headerRow("#", "Class", "Precision", "Recall", "F1", "Support"));
        for (ClassMetrics m : e.perClass()) {
            sb.append(Html.row(Integer.toString(m.fashionClass().label()), m.fashionClass().displayName(),
                    number(m.precision()), number(m.recall()), number(m.f1()), Long.toString(m.support())));
        }
        sb.append("</table>\n");
    }

    private static void provenance(StringBuilder sb, Provenance p) {
        sb.append("<h3>Provenance</h3>\n<table class=\"kv\">\n")
                .append(Html.keyValue("Backend", p.backend() + " " + p.backendVersion()))
                .append(Html.keyValue("fmnist version", p.fmnistVersion()))
                .append(Html.keyValue("Training data", p.dataName()))
                .append(Html.keyValue("Data SHA-256", p.dataSha256()))
                .append(Html.keyValue("Created", p.created().toString()))
                .append(Html.keyValue("Epochs completed", p.epochsCompleted() + (p.complete() ? "" : " (interrupted)")))
                .append(Html.keyValue("JVM", p.jvm()))
                .append(Html.keyValue("OS", p.os()));
        for (Map.Entry<String, Double> m : new TreeMap<>(p.metrics()).entrySet()) {
            sb.append(Html.keyValue(m.getKey(), number(m.getValue())));
        }
        sb.append("</table>\n");
    }

    private static void config(StringBuilder sb, TrainingConfig cfg) {
        sb.append("<h3>Training configuration</h3>\n<table class=\"kv\">\n")
                .append(Html.keyValue("Epochs", Integer.toString(cfg.epochs())))
                .append(Html.keyValue("Batch size", Integer.toString(cfg.batchSize())))
                .append(Html.keyValue("Optimizer", optimizer(cfg.optimizer())))
                .append(Html.keyValue("Seed", Long.toString(cfg.seed())))
                .append(Html.keyValue("Threads", cfg.threads() == 0 ? "all cores" : Integer.toString(cfg.threads())))
                .append(Html.keyValue("Shuffle", Boolean.toString(cfg.shuffle())))
                .append("</table>\n");
    }

    private static String optimizer(OptimizerConfig o) {
        if (o instanceof OptimizerConfig.Adam a) {
            return String.format(Locale.ROOT, "Adam (learning rate %s, beta1 %s, beta2 %s, epsilon %s)",
                    a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
        }
        if (o instanceof OptimizerConfig.Sgd s) {
            return String.format(Locale.ROOT, "SGD (learning rate %s, momentum %s)", s.learningRate(), s.momentum());
        }
        return o.toString();
    }

    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "-";
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 2em auto;
                   max-width: 1100px; padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.8em; }
            .summary { color: #555; font-family: ui-monospace, monospace; }
            table { border-collapse: collapse; margin: 0.8em 0; }
            th, td { padding: 0.25em 0.8em; border-bottom: 1px solid #eee; }
            table.kv th { text-align: left; font-weight: 600; color: #444; }
            table.grid th { background: #f3f6fa; text-align: right; }
            table.grid td { text-align: right; font-variant-numeric: tabular-nums; }
            table.classes td:nth-child(2) { text-align: left; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #666; font-size: 0.9em; }
            footer { margin-top: 3em; color: #888; font-size: 0.85em; }
            """;
}
