package dev.fmnist.cli.command;

import dev.fmnist.api.callbacks.CsvLogger;
import dev.fmnist.api.callbacks.EarlyStopping;
import dev.fmnist.api.callbacks.LearningRateSchedule;
import dev.fmnist.api.callbacks.LearningRateScheduler;
import dev.fmnist.api.callbacks.ModelCheckpoint;
import dev.fmnist.api.callbacks.Monitor;
import dev.fmnist.api.callbacks.ReduceLROnPlateau;
import dev.fmnist.api.config.OptimizerConfig;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.training.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code fmnist train}'s Keras options: the optimizer, validation split, augmentation and callbacks, each
 * with Keras's defaults. Turns them into the training configuration and the callback listeners.
 */
final class FitOptions {
    /** Options that set the training configuration, which a resumed run takes from its model file. */
    static final List<String> CONFIG_OPTIONS = List.of("--batch-size", "--learning-rate", "--seed", "--optimizer",
            "--momentum", "--nesterov", "--amsgrad", "--weight-decay", "--validation-split", "--augment");

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "adam, adamw, sgd or rmsprop, with Keras's defaults (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Learning rate (default: the optimizer's Keras default: 0.001, or 0.01 for sgd).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum of sgd or rmsprop (Keras's default: 0).")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum for sgd (needs --momentum).")
    boolean nesterov;

    @Option(names = "--amsgrad", description = "The AMSGrad variant of adam or adamw.")
    boolean amsgrad;

    @Option(names = "--weight-decay", paramLabel = "WD",
            description = "Keras's decoupled weight decay, w -= w * WD * lr each step (default: 0, 0.004 for adamw).")
    Double weightDecay;

    @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0",
            description = "Hold out the last fraction F of the training images (before shuffling) and report "
                    + "val_loss and val_accuracy on them after each epoch, as Keras's validation_split "
                    + "(default: ${DEFAULT-VALUE}: train on all 60,000, as the tutorial does).")
    double validationSplit;

    @Option(names = "--augment",
            description = "Seeded random shifts of up to 2 pixels and horizontal flips of the training images.")
    boolean augment;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop once --monitor has not improved for PATIENCE epochs (Keras's EarlyStopping).")
    Integer earlyStopping;

    @Option(names = "--monitor", paramLabel = "METRIC", defaultValue = "val_loss",
            description = "What early stopping, --save-best-only and --reduce-lr-on-plateau watch: val_loss, "
                    + "val_accuracy, loss or accuracy (default: ${DEFAULT-VALUE}).")
    String monitor;

    @Option(names = "--min-delta", paramLabel = "D", defaultValue = "0",
            description = "Least change of --monitor that counts as an improvement for early stopping "
                    + "(default: ${DEFAULT-VALUE}).")
    double minDelta;

    @Option(names = "--restore-best", description = "End early stopping with the best epoch's weights.")
    boolean restoreBest;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save the model after every epoch ({epoch} or {epoch:02d} in FILE numbers them).")
    Path checkpoint;

    @Option(names = "--save-best-only", description = "With --checkpoint: save only when --monitor improves.")
    boolean saveBestOnly;

    @Option(names = "--reduce-lr-on-plateau", description = "Multiply the learning rate by 0.1 after 10 epochs "
            + "without improvement of --monitor (Keras's ReduceLROnPlateau defaults).")
    boolean reduceLrOnPlateau;

    @Option(names = "--lr-schedule", paramLabel = "SPEC",
            description = "Learning rate per epoch: step:FACTOR[:EVERY], exponential:RATE[:EVERY] or cosine[:ALPHA].")
    String lrSchedule;

    @Option(names = "--csv-log", paramLabel = "FILE", description = "Write Keras's CSVLogger file of the history.")
    Path csvLog;

    /** The optimizer the options ask for. */
    OptimizerConfig optimizer() {
        OptimizerConfig config = OptimizerConfig.keras(optimizer);
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (weightDecay != null) {
            config = config.withWeightDecay(weightDecay);
        }
        if (momentum != null || nesterov) {
            double mu = momentum == null ? 0 : momentum;
            if (config instanceof OptimizerConfig.Sgd s) {
                config = new OptimizerConfig.Sgd(s.learningRate(), mu, nesterov, s.weightDecay());
            } else if (config instanceof OptimizerConfig.RmsProp r && !nesterov) {
                config = new OptimizerConfig.RmsProp(r.learningRate(), r.rho(), mu, r.epsilon(), r.centered(),
                        r.weightDecay());
            } else {
                throw new InvalidInputException("--momentum and --nesterov apply to sgd (and --momentum to rmsprop), "
                        + "not to " + optimizer);
            }
        }
        if (amsgrad) {
            if (config instanceof OptimizerConfig.Adam a) {
                config = a.withAmsgrad(true);
            } else if (config instanceof OptimizerConfig.AdamW a) {
                config = a.withAmsgrad(true);
            } else {
                throw new InvalidInputException("--amsgrad applies to adam and adamw, not to " + optimizer);
            }
        }
        return config;
    }

    /** The configuration with these options applied. */
    TrainingConfig apply(TrainingConfig config) {
        return config.withOptimizer(optimizer()).withValidationSplit(validationSplit).withAugment(augment);
    }

    /** Whether the learning rate can change during training (so the epoch lines show it). */
    boolean changesLearningRate() {
        return reduceLrOnPlateau || lrSchedule != null;
    }

    /**
     * The callbacks, in Keras's usual order: schedule, plateau, early stopping, checkpoint, CSV log.
     *
     * @param resolve turns a command-line path into one relative to the working directory
     * @param initialRate the learning rate training starts from
     */
    List<TrainingListener> callbacks(Function<Path, Path> resolve, double initialRate) {
        List<TrainingListener> out = new ArrayList<>();
        Monitor watched = new Monitor(monitor, Monitor.Mode.AUTO);
        if (lrSchedule != null) {
            out.add(new LearningRateScheduler(LearningRateSchedule.parse(lrSchedule), initialRate));
        }
        if (reduceLrOnPlateau) {
            out.add(ReduceLROnPlateau.keras().monitoring(watched));
        }
        if (earlyStopping != null) {
            out.add(new EarlyStopping(watched, earlyStopping, minDelta, restoreBest));
        } else if (restoreBest) {
            throw new InvalidInputException("--restore-best belongs to early stopping; add --early-stopping PATIENCE");
        }
        if (checkpoint != null) {
            out.add(new ModelCheckpoint(resolve.apply(checkpoint), watched, saveBestOnly));
        } else if (saveBestOnly) {
            throw new InvalidInputException("--save-best-only belongs to --checkpoint FILE");
        }
        if (csvLog != null) {
            out.add(new CsvLogger(resolve.apply(csvLog)));
        }
        return out;
    }
}
