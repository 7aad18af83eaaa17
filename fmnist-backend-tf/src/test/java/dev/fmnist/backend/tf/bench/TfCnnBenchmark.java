package dev.fmnist.backend.tf.bench;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.model.Prediction;
import dev.fmnist.data.FashionMnist;
import java.util.Locale;

/**
 * Plain TensorFlow Java on the PyTorch peer's CNN ({@link PlainTfCnn}) at batch 64 on the real data: seconds
 * per epoch, and prediction of the 10,000 test images in batches of 1,000 (images per second, best and
 * median of the repeats). Meant to be run alternately with the pure backend's {@code CnnBenchmark} in one
 * session, so both see the same machine load; prints one {@code RESULT} line to compare.
 *
 * <pre>
 * mvn -q -pl fmnist-backend-tf test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.fmnist.backend.tf.bench.TfCnnBenchmark -Dexec.args="2 0"
 * </pre>
 * Arguments: epochs (default 2; the first includes graph warm-up and is reported apart), intra-op threads
 * (default 0: TensorFlow's default), inter-op threads (default 0).
 */
public final class TfCnnBenchmark {
    private static final int BATCH = 64;
    private static final int INFERENCE_BATCH = 1000;

    private TfCnnBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int intra = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int inter = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        FashionMnist data = FashionMnist.locate();
        Dataset train = data.train();
        Dataset test = data.test();
        float[] trainImages = train.scaledImages(0, train.size());
        int[] trainLabels = train.labels(0, train.size());
        float[] testImages = test.scaledImages(0, test.size());
        int[] testLabels = test.labels(0, test.size());
        try (PlainTfTrainer net = PlainTfCnn.open(42, intra, inter)) {
            double first = 0;
            double best = Double.MAX_VALUE;
            for (int e = 1; e <= epochs; e++) {
                long start = System.nanoTime();
                long correct = net.epoch(trainImages, trainLabels, BATCH, e);
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "plain TF CNN epoch %d: %.2f s, train accuracy %.4f%n", e, s,
                        correct / (double) trainLabels.length);
                if (e == 1) {
                    first = s;
                } else {
                    best = Math.min(best, s);
                }
            }
            float[] out = new float[test.size() * FashionClass.COUNT];
            double[] rates = new double[5];
            for (int r = 0; r < rates.length; r++) {
                long start = System.nanoTime();
                net.predict(testImages, test.size(), INFERENCE_BATCH, out);
                rates[r] = test.size() / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            int correct = 0;
            for (int i = 0; i < testLabels.length; i++) {
                correct += Prediction.argmax(out, i) == testLabels[i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "RESULT plain-tf-cnn epoch1 %.2f s, best later epoch %.2f s, predict best "
                    + "%.0f median %.0f images/s, test accuracy %.4f%n", first, epochs > 1 ? best : first,
                    rates[rates.length - 1], rates[rates.length / 2], correct / (double) testLabels.length);
        }
    }
}
