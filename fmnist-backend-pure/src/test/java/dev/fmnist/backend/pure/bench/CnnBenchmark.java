package dev.fmnist.backend.pure.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.eval.Evaluator;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.training.EpochStats;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingListener;
import dev.fmnist.backend.pure.PureBackend;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.data.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pure backend on the PyTorch peer's CNN (conv 3x3 same 32 relu, max-pool 2, conv 3x3 same 64 relu,
 * max-pool 2, flatten, dense 128 relu, dense 10 softmax; 421,642 parameters) at batch 64 through the public
 * trainer on the real data, then prediction of the 10,000 test images in batches of 1,000. Prints one
 * {@code RESULT} line in the format of the TF backend's {@code TfCnnBenchmark}, to be run alternately with it.
 *
 * <p>Arguments: {@code [epochs=2] [threads=0] [model=peer|cnn]}.
 */
public final class CnnBenchmark {
    private CnnBenchmark() {
    }

    /** The PyTorch peer's network. */
    public static ModelSpec peer() {
        return new ModelSpec("peer-cnn", Shape.IMAGE, List.of(
                LayerSpec.Conv2D.same(32, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
                LayerSpec.Conv2D.same(64, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
                new LayerSpec.Flatten(), new LayerSpec.Dense(128, Activation.RELU),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ModelSpec spec = args.length > 2 && !args[2].equals("peer") ? ModelSpec.preset(args[2]) : peer();
        int batch = spec.name().equals("peer-cnn") ? 64 : TrainingConfig.defaults().batchSize();
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        Dataset test = data.test();
        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                seconds.add(stats.nanos() / 1e9);
                System.out.printf(Locale.ROOT, "pure %s epoch %d: %.2f s, train accuracy %.4f%n", spec.name(),
                        stats.epoch(), stats.nanos() / 1e9, stats.accuracy());
            }
        };
        PureBackend backend = new PureBackend(KernelSelector.best());
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs).withThreads(threads).withBatchSize(batch);
        try (Model model = backend.trainer().fit(TrainingJob.of(spec, train, config).withListener(timer)).model()) {
            float[] images = test.scaledImages(0, test.size());
            float[] out = new float[test.size() * FashionClass.COUNT];
            float[] chunk = new float[1000 * FashionClass.COUNT];
            double[] rates = new double[5];
            for (int r = 0; r < rates.length; r++) {
                long start = System.nanoTime();
                for (int b = 0; b < 10; b++) {
                    model.predict(java.util.Arrays.copyOfRange(images, b * 784_000, (b + 1) * 784_000), 1000, chunk);
                    System.arraycopy(chunk, 0, out, b * chunk.length, chunk.length);
                }
                rates[r] = test.size() / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            double best = seconds.size() > 1 ? seconds.subList(1, seconds.size()).stream()
                    .mapToDouble(Double::doubleValue).min().orElse(0) : seconds.get(0);
            System.out.printf(Locale.ROOT, "RESULT pure-%s (%s) epoch1 %.2f s, best later epoch %.2f s, predict best "
                    + "%.0f median %.0f images/s, test accuracy %.4f%n", spec.name(), backend.kernels(), seconds.get(0),
                    best, rates[rates.length - 1], rates[rates.length / 2],
                    Evaluator.evaluate(model, test, 1000).accuracy());
        }
    }
}
