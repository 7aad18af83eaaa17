package dev.fmnist.viz.report;

import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.History;
import java.util.Locale;

/**
 * The report's training table: one row per epoch (with the learning rate when it was recorded, the best
 * epoch marked), then what the callbacks did and the test set's result, evaluated once after training.
 */
final class HistorySection {

    private HistorySection() {
    }

    static void append(StringBuilder sb, History history) {
        boolean rates = history.epochs().stream().anyMatch(e -> !Double.isNaN(e.learningRate()));
        sb.append("<table class=\"grid\">\n");
        sb.append(rates
                ? Html.headerRow("Epoch", "Loss", "Accuracy", "Validation loss", "Validation accuracy",
                        "Learning rate", "Seconds", "Images/s")
                : Html.headerRow("Epoch", "Loss", "Accuracy", "Validation loss", "Validation accuracy", "Seconds",
                        "Images/s"));
        for (EpochStats e : history.epochs()) {
            String epoch = e.epoch() + (e.epoch() == history.bestEpoch() ? " (best)" : "");
            String loss = ReportWriter.number(e.loss());
            String accuracy = ReportWriter.percent(e.accuracy());
            String valLoss = e.hasValidation() ? ReportWriter.number(e.validationLoss()) : "-";
            String valAccuracy = e.hasValidation() ? ReportWriter.percent(e.validationAccuracy()) : "-";
            String seconds = String.format(Locale.ROOT, "%.2f", e.nanos() / 1e9);
            String speed = String.format(Locale.ROOT, "%.0f", e.samplesPerSecond());
            sb.append(rates
                    ? Html.row(epoch, loss, accuracy, valLoss, valAccuracy, rate(e.learningRate()), seconds, speed)
                    : Html.row(epoch, loss, accuracy, valLoss, valAccuracy, seconds, speed));
        }
        sb.append("</table>\n");
        String notes = notes(history);
        if (!notes.isEmpty()) {
            sb.append("<p class=\"summary\">").append(Html.escape(notes)).append("</p>\n");
        }
    }

    /** {@code Stopped early after epoch 7. Best epoch: 4 by val_loss. Test set (evaluated once after ...)}. */
    static String notes(History history) {
        StringBuilder sb = new StringBuilder();
        if (history.stoppedEpoch() > 0) {
            sb.append("Stopped early after epoch ").append(history.stoppedEpoch()).append(". ");
        }
        if (history.monitor() != null && history.bestEpoch() > 0) {
            sb.append("Best epoch: ").append(history.bestEpoch()).append(" by ").append(history.monitor())
                    .append(". ");
        }
        if (history.hasTest()) {
            sb.append(String.format(Locale.ROOT, "Test set, evaluated once after training: loss %.4f, accuracy %s.",
                    history.testLoss(), ReportWriter.percent(history.testAccuracy())));
        }
        return sb.toString().trim();
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3g", value);
    }
}
