package dev.fmnist.backend.tf.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.spi.Backend;
import dev.fmnist.api.training.TrainingJob;
import dev.fmnist.api.training.TrainingResult;
import dev.fmnist.backend.tf.TfBackendProvider;
import dev.fmnist.backend.tf.session.Threads;
import dev.fmnist.data.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fmnist tf backend against {@link PlainTfCnn} on the same network (the PyTorch peer's CNN, batch 64)
 * in one process, epoch for epoch in turn so that machine load hits both alike, with the intra-op pool the
 * backend picks for a convolutional network ({@link Threads#CONV_INTRA_OP}; TensorFlow sizes it once per
 * process, so both share it). Prints each epoch and the ratio of the medians.
 *
 * <pre>
 * mvn -q -pl fmnist-backend-tf test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.fmnist.backend.tf.bench.TfCnnSideBySide -Dexec.args="[rounds] [images]"
 * </pre>
 */
public final class TfCnnSideBySide {
    private static final int BATCH = 64;
    /** The PyTorch peer's CNN, as {@link PlainTfCnn} builds it. */
    static final ModelSpec PEER = new ModelSpec("peer-cnn", Shape.IMAGE, List.of(
            LayerSpec.Conv2D.same(32, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
            LayerSpec.Conv2D.same(64, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2), new LayerSpec.Flatten(),
            new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));

    private TfCnnSideBySide() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        FashionMnist data = FashionMnist.locate();
        Dataset train = args.length > 1 ? data.train().slice(0, Integer.parseInt(args[1])) : data.train();
        float[] images = train.scaledImages(0, train.size());
        int[] labels = train.labels(0, train.size());
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(BATCH);
        int intra = Threads.forTraining(config, PEER).intraOp();
        System.out.printf(Locale.ROOT, "%d images, batch %d, intra-op %d, load average %.1f%n", train.size(), BATCH,
                intra, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Double> plain = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        try (PlainTfTrainer net = PlainTfCnn.open(42, intra, 1); Backend backend = new TfBackendProvider().create()) {
            for (int round = 0; round <= rounds; round++) {
                long start = System.nanoTime();
                net.epoch(images, labels, BATCH, round);
                double p = (System.nanoTime() - start) / 1e9;
                TrainingResult result = backend.trainer().fit(TrainingJob.of(PEER, train, config.withSeed(round)));
                double f = result.history().last().nanos() / 1e9;
                result.model().close();
                System.out.printf(Locale.ROOT, "%s plain %.2f s, fmnist %.2f s, ratio %.3f%n",
                        round == 0 ? "warm-up" : "round " + round, p, f, f / p);
                if (round > 0) {
                    plain.add(p);
                    ours.add(f);
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT fmnist/plain median epoch %.3f (plain %.2f s, fmnist %.2f s)%n",
                median(ours) / median(plain), median(plain), median(ours));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
