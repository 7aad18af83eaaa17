package dev.fmnist.backend.pure.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Initializers;
import dev.fmnist.api.model.Model;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Provenance;
import dev.fmnist.backend.pure.PureBackend;
import dev.fmnist.backend.pure.kernel.KernelSelector;
import dev.fmnist.data.FashionMnist;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Prediction alone on the pure backend, without training first: the PyTorch peer's CNN (or a preset) with
 * Glorot weights predicts the 10,000 test images in batches of 1,000, as {@link CnnBenchmark} and the TF
 * backend's {@code TfCnnBenchmark} time it. A quick loop for work on the inference kernels; the figures to
 * quote come from {@link CnnBenchmark} run beside TF.
 *
 * <p>Arguments: {@code [rounds=7] [model=peer|PRESET]}.
 */
public final class PredictBenchmark {
    private PredictBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ModelSpec spec = args.length > 1 && !args[1].equals("peer") ? ModelSpec.preset(args[1]) : CnnBenchmark.peer();
        Dataset test = FashionMnist.locate().test();
        float[] images = test.scaledImages(0, test.size());
        float[] out = new float[1000 * FashionClass.COUNT];
        PureBackend backend = new PureBackend(KernelSelector.best());
        try (Model model = backend.load(spec, Initializers.glorotUniform(spec, 42), Provenance.now("pure", "bench", TrainingConfig.defaults(), "none", "", Map.of(), true, 0))) {
            double[] rates = new double[rounds];
            for (int r = -2; r < rounds; r++) {
                long start = System.nanoTime();
                for (int b = 0; b < 10; b++) {
                    model.predict(Arrays.copyOfRange(images, b * 784_000, (b + 1) * 784_000), 1000, out);
                }
                if (r >= 0) {
                    rates[r] = test.size() / ((System.nanoTime() - start) / 1e9);
                }
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "RESULT pure-%s predict (%s) best %.0f median %.0f worst %.0f images/s%n",
                    spec.name(), backend.kernels(), rates[rounds - 1], rates[rounds / 2], rates[0]);
        }
    }
}
