package dev.fmnist.backend.pure.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingListener;
import dev.fmnist.backend.pure.PureBackend;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.data.FashionMnist;
import java.util.List;
import java.util.Locale;

/**
 * The experiments behind the {@code cnn} preset: a named architecture trained on the pure backend with the
 * CLI's defaults (batch 32, Adam 1e-3, seed 42), printing each epoch's time and test accuracy.
 *
 * <p>Arguments: {@code [variant=preset|peer|bn|bn-wide] [epochs=5] [batch=32] [threads=0]}.
 */
public final class CnnExperiment {
    private CnnExperiment() {
    }

    static ModelSpec variant(String name) {
        LayerSpec softmax = new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX);
        return switch (name) {
            case "preset" -> ModelSpec.cnn();
            case "peer" -> CnnBenchmark.peer();
            case "bn" -> new ModelSpec("bn", Shape.IMAGE, List.of(
                    conv(32), new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
                    conv(64), new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
                    new LayerSpec.Flatten(), new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dropout(0.3),
                    softmax));
            case "bn-small" -> new ModelSpec("bn-small", Shape.IMAGE, List.of(
                    conv(16), new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
                    conv(32), new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), new LayerSpec.MaxPooling2D(2),
                    new LayerSpec.Flatten(), new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dropout(0.3),
                    softmax));
            default -> throw new IllegalArgumentException("unknown variant " + name);
        };
    }

    private static LayerSpec conv(int filters) {
        return new LayerSpec.Conv2D(filters, Size2D.square(3), Size2D.square(1), Padding.SAME, Activation.LINEAR, false);
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "preset";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ModelSpec spec = variant(name);
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        Dataset test = data.test();
        long[] total = new long[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                total[0] += stats.nanos();
                System.out.printf(Locale.ROOT, "%s epoch %d: %.1f s (total %.1f s), loss %.4f, train acc %.4f, test acc %.4f%n",
                        name, stats.epoch(), stats.nanos() / 1e9, total[0] / 1e9, stats.loss(), stats.accuracy(),
                        stats.validationAccuracy());
            }
        };
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withBatchSize(batch).withThreads(threads);
        try (Model model = new PureBackend(KernelSelector.best()).trainer()
                .fit(TrainingJob.of(spec, train, config).withListener(listener).withValidation(test)).model()) {
            System.out.printf(Locale.ROOT, "RESULT %s (%,d parameters) %d epochs batch %d: test accuracy %.4f, "
                    + "training %.1f s%n", name, spec.parameterCount(), epochs, batch,
                    Evaluator.evaluate(model, test, 1000).accuracy(), total[0] / 1e9);
        }
    }
}
