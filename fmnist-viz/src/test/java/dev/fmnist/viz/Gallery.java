package dev.fmnist.viz;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.testing.FakeBackendProvider;
import dev.fmnist.api.testing.SyntheticData;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.data.FashionMnist;
import dev.fmnist.viz.chart.ConfusionHeatmap;
import dev.fmnist.viz.chart.ProbabilityChart;
import dev.fmnist.viz.chart.TrainingCurves;
import dev.fmnist.viz.image.ImageGrid;
import dev.fmnist.viz.image.ImagePlot;
import dev.fmnist.viz.image.Predicted;
import dev.fmnist.viz.image.PredictionGrid;
import dev.fmnist.viz.image.Selection;
import dev.fmnist.viz.image.TerminalImage;
import dev.fmnist.viz.io.Png;
import dev.fmnist.viz.report.ReportContent;
import dev.fmnist.viz.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Draws every picture once, from a model trained by the API's scalar test backend: on the real data when
 * its files are found, otherwise on synthetic data. For looking at the pictures and for the README's example;
 * not a test.
 *
 * <p>Usage: {@code Gallery OUTPUT_DIR [EPOCHS]}.
 */
public final class Gallery {
    private Gallery() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/gallery");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Files.createDirectories(out);
        Dataset train;
        Dataset test;
        try {
            FashionMnist data = FashionMnist.locate();
            train = data.train();
            test = data.test();
        } catch (RuntimeException e) {
            System.err.println("real data not found (" + e.getMessage() + "); using synthetic data");
            train = SyntheticData.train();
            test = SyntheticData.test();
        }
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withThreads(1);
        long start = System.nanoTime();
        try (Backend backend = new FakeBackendProvider().create()) {
            TrainingResult result = backend.trainer().fit(TrainingJob.of(ModelSpec.mlp(), train, config)
                    .withValidation(test));
            try (Model model = result.model()) {
                System.err.printf("trained %d epochs in %.1f s%n", epochs, (System.nanoTime() - start) / 1e9);
                Evaluation evaluation = Evaluator.evaluate(model, test, 500);
                int n = Math.min(test.size(), 2000);
                float[] probabilities = model.predict(test.scaledImages(0, n), n);

                Png.write(ImageGrid.defaults().render(train, Selection.first(train, 25)), out.resolve("train-grid.png"));
                Png.write(ImagePlot.defaults().render(train.image(0), FashionClass.ofLabel(train.label(0))
                        .displayName()), out.resolve("first-image.png"));
                Png.write(PredictionGrid.defaults().render(Predicted.of(test, probabilities,
                        Selection.first(test, 15))), out.resolve("predictions.png"));
                Png.write(ConfusionHeatmap.defaults().render(evaluation), out.resolve("confusion-matrix.png"));
                Png.write(TrainingCurves.defaults().render(result.history()), out.resolve("training-curves.png"));
                int wrong = Selection.misclassified(test, probabilities, 1)[0];
                Png.write(ProbabilityChart.defaults().render(Prediction.of(probabilities, wrong),
                        Optional.of(FashionClass.ofLabel(test.label(wrong)))), out.resolve("probabilities.png"));
                ReportContent content = ReportContent.builder("fmnist report: mlp on the scalar test backend")
                        .modelSummary(ModelSpec.mlp().summary()).provenance(model.provenance())
                        .history(result.history()).evaluation(evaluation, test.name())
                        .predictions(test, probabilities).build();
                ReportWriter.defaults().write(content, out.resolve("report"));
                System.out.print(TerminalImage.of(TerminalImage.Mode.detect(System.getenv()))
                        .render(List.of(test.image(0), test.image(1), test.image(2)),
                                List.of(FashionClass.ofLabel(test.label(0)).displayName(),
                                        FashionClass.ofLabel(test.label(1)).displayName(),
                                        FashionClass.ofLabel(test.label(2)).displayName()), 100));
                System.out.println(evaluation.toTable());
            }
        }
    }
}
