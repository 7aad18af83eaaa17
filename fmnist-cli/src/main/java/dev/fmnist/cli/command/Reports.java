package dev.fmnist.cli.command;

import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.training.History;
import dev.fmnist.cli.output.OutputPaths;
import dev.fmnist.cli.output.Texts;
import dev.fmnist.viz.report.ReportContent;
import dev.fmnist.viz.report.ReportWriter;
import java.nio.file.Path;

/** The HTML report of a model, written with fmnist-viz (used by {@code train --report} and {@code report}). */
final class Reports {
    /** Images per prediction call when predicting a whole dataset. */
    private static final int PREDICT_BATCH = 1000;

    private Reports() {
    }

    /** Checks early that the report directory can be written. */
    static void checkWritable(Path dir) {
        OutputPaths.checkWritableDirectory(dir, dir);
    }

    /**
     * Writes the report of {@code model} into {@code dir}.
     *
     * @param probabilities the model's 10 probabilities for every image of {@code test}
     * @return the page's path
     */
    static Path write(Path dir, String title, Model model, History history, Evaluation evaluation, Dataset test,
            float[] probabilities) {
        ReportContent content = ReportContent.builder(title)
                .modelSummary(model.spec().summary() + ", " + Texts.thousands(model.spec().parameterCount())
                        + " parameters")
                .provenance(model.provenance())
                .history(history)
                .evaluation(evaluation, test.name())
                .predictions(test, probabilities)
                .build();
        return ReportWriter.defaults().withPngFiles(true).write(content, dir);
    }

    /** The model's probabilities for every image of {@code data}, in batches of 1,000. */
    static float[] predictAll(Model model, Dataset data) {
        return Evaluator.predictAll(model, data, PREDICT_BATCH);
    }
}
