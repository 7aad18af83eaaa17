package dev.fmnist.viz.report;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluation;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.api.training.History;
import dev.fmnist.viz.image.Predicted;
import dev.fmnist.viz.image.Selection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows. Every part but the title is optional; the report leaves out sections it has no
 * values for. Build it with {@link #builder(String)}.
 *
 * @param title the page's heading
 * @param modelSummary a line describing the network, such as {@code ModelSpec.summary()}
 * @param provenance where the model came from
 * @param config the training settings (the provenance's, unless given)
 * @param history per-epoch statistics (may be empty)
 * @param evaluation the model's evaluation
 * @param evaluationData the name of the data it was evaluated on
 * @param samples test images with predictions, drawn as a prediction grid
 * @param mistakes misclassified images with predictions, drawn as a second grid
 */
public record ReportContent(String title, Optional<String> modelSummary, Optional<Provenance> provenance,
        Optional<TrainingConfig> config, History history, Optional<Evaluation> evaluation,
        Optional<String> evaluationData, List<Predicted> samples, List<Predicted> mistakes) {

    /** Images in each prediction grid that {@link Builder#predictions(Dataset, float[])} picks. */
    public static final int GRID_IMAGES = 15;

    public ReportContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(modelSummary, "modelSummary");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(evaluationData, "evaluationData");
        samples = List.copyOf(samples);
        mistakes = List.copyOf(mistakes);
    }

    /** A builder for a report with this title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects a report's parts; unset parts are left out of the page. */
    public static final class Builder {
        private final String title;
        private String modelSummary;
        private Provenance provenance;
        private TrainingConfig config;
        private History history = History.empty();
        private Evaluation evaluation;
        private String evaluationData;
        private List<Predicted> samples = List.of();
        private List<Predicted> mistakes = List.of();

        private Builder(String title) {
            this.title = Objects.requireNonNull(title, "title");
        }

        /** A line describing the network, e.g. {@code spec.summary() + ", 101,770 parameters"}. */
        public Builder modelSummary(String value) {
            this.modelSummary = value;
            return this;
        }

        /** The model's provenance; also supplies the training config unless {@link #config} is set. */
        public Builder provenance(Provenance value) {
            this.provenance = value;
            return this;
        }

        /** The training settings, when there is no provenance or it should be overridden. */
        public Builder config(TrainingConfig value) {
            this.config = value;
            return this;
        }

        /** Per-epoch statistics. */
        public Builder history(History value) {
            this.history = Objects.requireNonNull(value, "history");
            return this;
        }

        /** The evaluation, and the name of the data it was measured on (e.g. {@code Dataset.name()}). */
        public Builder evaluation(Evaluation value, String dataName) {
            this.evaluation = value;
            this.evaluationData = dataName;
            return this;
        }

        /** The evaluation, on unnamed data. */
        public Builder evaluation(Evaluation value) {
            return evaluation(value, null);
        }

        /** The prediction grid's images. */
        public Builder samples(List<Predicted> value) {
            this.samples = value;
            return this;
        }

        /** The mistakes grid's images. */
        public Builder mistakes(List<Predicted> value) {
            this.mistakes = value;
            return this;
        }

        /**
         * Picks both grids from a model's predictions on {@code data}: its first {@value #GRID_IMAGES}
         * images, and its first {@value #GRID_IMAGES} misclassified ones.
         *
         * @param probabilities 10 probabilities per image of {@code data}, in dataset order (may cover only
         *     the first images)
         */
        public Builder predictions(Dataset data, float[] probabilities) {
            int rows = Math.min(data.size(), probabilities.length / dev.fmnist.api.FashionClass.COUNT);
            this.samples = Predicted.of(data, probabilities, Selection.first(data, Math.min(rows, GRID_IMAGES)));
            this.mistakes = Predicted.of(data, probabilities, Selection.misclassified(data, probabilities,
                    GRID_IMAGES));
            return this;
        }

        /** The content. */
        public ReportContent build() {
            TrainingConfig cfg = config != null ? config : provenance != null ? provenance.config() : null;
            return new ReportContent(title, Optional.ofNullable(modelSummary), Optional.ofNullable(provenance),
                    Optional.ofNullable(cfg), history, Optional.ofNullable(evaluation),
                    Optional.ofNullable(evaluationData), samples, mistakes);
        }
    }
}
