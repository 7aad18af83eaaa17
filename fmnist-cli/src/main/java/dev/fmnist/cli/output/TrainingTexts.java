package dev.fmnist.cli.output;

import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.training.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code fmnist train} prints about its settings and what the callbacks did. */
public final class TrainingTexts {

    private TrainingTexts() {
    }

    /** {@code 5 epochs, batch size 32, Adam with learning rate 0.001, seed 42}, plus split and augmentation. */
    public static String describe(TrainingConfig config, int images) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d epoch%s, batch size %d, %s, seed %d",
                config.epochs(), config.epochs() == 1 ? "" : "s", config.batchSize(), optimizer(config.optimizer()), config.seed()));
        if (config.validationSplit() > 0) {
            int kept = config.trainingImages(images);
            sb.append(String.format(Locale.ROOT, ", validation split %s (%s train / %s validation images)",
                    config.validationSplit(), Texts.thousands(kept), Texts.thousands(images - kept)));
        }
        if (config.augment()) {
            sb.append(", augmented (shifts up to 2 px, horizontal flips)");
        }
        return sb.toString();
    }

    /** {@code Adam with learning rate 0.001}, with whatever differs from plain Adam or SGD. */
    public static String optimizer(OptimizerConfig o) {
        List<String> extras = new ArrayList<>();
        String name;
        if (o instanceof OptimizerConfig.Adam a) {
            name = "Adam";
            if (a.amsgrad()) {
                extras.add("AMSGrad");
            }
        } else if (o instanceof OptimizerConfig.AdamW a) {
            name = "AdamW";
            if (a.amsgrad()) {
                extras.add("AMSGrad");
            }
        } else if (o instanceof OptimizerConfig.Sgd sgd) {
            name = "SGD";
            if (sgd.momentum() > 0) {
                extras.add((sgd.nesterov() ? "Nesterov momentum " : "momentum ") + sgd.momentum());
            }
        } else {
            OptimizerConfig.RmsProp r = (OptimizerConfig.RmsProp) o;
            name = "RMSprop";
            if (r.momentum() > 0) {
                extras.add("momentum " + r.momentum());
            }
            if (r.centered()) {
                extras.add("centered");
            }
        }
        if (o.weightDecay() > 0) {
            extras.add("weight decay " + o.weightDecay());
        }
        return name + " with learning rate " + o.learningRate() + (extras.isEmpty() ? "" : ", " + String.join(", ",
                extras));
    }

    /** {@code Resuming from FILE after epoch 2, up to epoch 5}. */
    public static String resuming(Path file, SavedModel model, int epochs) {
        return "Resuming from " + file + " after epoch " + model.history().epochs().size() + ", up to epoch " + epochs
                + (model.optimizer() == null ? " (the file has no optimizer state: the optimizer starts afresh)" : "");
    }

    /**
     * A model file's training in a few lines: the epochs and where early stopping ended them, the best
     * epoch, the learning rate's course and the test result.
     */
    public static List<String> historyLines(History history) {
        List<String> out = new ArrayList<>();
        if (history.epochs().isEmpty()) {
            out.add("Training history: none recorded");
            return out;
        }
        out.add("Trained epochs: " + history.epochs().size() + (history.stoppedEpoch() > 0
                ? " (early stopping after epoch " + history.stoppedEpoch() + ")" : ""));
        out.addAll(callbackNotes(history).stream().filter(l -> l.startsWith("Best")).toList());
        double[] rates = history.epochs().stream().mapToDouble(e -> e.learningRate()).filter(Double::isFinite)
                .toArray();
        if (rates.length > 0) {
            StringBuilder sb = new StringBuilder("Learning rate per epoch:");
            for (double r : rates) {
                sb.append(String.format(Locale.ROOT, " %.3g", r));
            }
            out.add(sb.toString());
        }
        if (history.hasTest()) {
            out.add(String.format(Locale.ROOT, "Test loss: %.4f - test accuracy: %.4f (evaluated once after training)",
                    history.testLoss(), history.testAccuracy()));
        }
        return out;
    }

    /** Keras's messages for what the callbacks did: where training stopped and which epoch was best. */
    public static List<String> callbackNotes(History history) {
        List<String> out = new ArrayList<>();
        if (history.stoppedEpoch() > 0) {
            out.add("Epoch " + history.stoppedEpoch() + ": early stopping");
        }
        if (history.monitor() != null && history.bestEpoch() > 0) {
            double best = history.epochs().get(history.bestEpoch() - 1).metric(history.monitor());
            out.add(String.format(Locale.ROOT, "Best epoch: %d (%s %.4f)", history.bestEpoch(), history.monitor(),
                    best));
        }
        return out;
    }
}
