package dev.fmnist.backend.dl4j.bench;

import dev.fmnist.api.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a network configured the way a DL4J user would ({@link PlainDl4jBaseline}, {@link PlainDl4jCnn}),
 * with no fmnist code in the timed part: {@code fit(DataSetIterator)} over a list of examples (scaled
 * images, one-hot labels) shuffled each epoch. fmnist only loads the images.
 */
final class PlainDl4jTrainer {
    private final List<DataSet> examples;
    private final DataSetIterator iterator;
    private final MultiLayerNetwork net;
    private final Random random = new Random(42);

    PlainDl4jTrainer(Dataset train, int batchSize, MultiLayerConfiguration conf) {
        int n = train.size();
        INDArray features = Nd4j.create(train.scaledImages(0, n), new long[] {n, 784}, 'c');
        float[] oneHot = new float[n * 10];
        for (int i = 0; i < n; i++) {
            oneHot[i * 10 + train.label(i)] = 1;
        }
        INDArray labels = Nd4j.create(oneHot, new long[] {n, 10}, 'c');
        examples = new ArrayList<>(new DataSet(features, labels).asList());
        iterator = new ListDataSetIterator<>(examples, batchSize);
        net = new MultiLayerNetwork(conf);
        net.init();
    }

    /** One shuffled epoch; returns its seconds. */
    double epoch() {
        Collections.shuffle(examples, random);
        iterator.reset();
        long start = System.nanoTime();
        net.fit(iterator);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Predicts {@code features} ({@code [n, 784]}) in batches of {@code batch}; returns images per second. */
    double inference(INDArray features, int batch) {
        long n = features.rows();
        long start = System.nanoTime();
        for (long from = 0; from < n; from += batch) {
            INDArray out = net.output(features.get(NDArrayIndex.interval(from, Math.min(n, from + batch)),
                    NDArrayIndex.all()), false);
            if (out.rows() == 0) {
                throw new IllegalStateException("no output");
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Test-set accuracy, as a sanity check that the baseline learns like the backend. */
    double accuracy(INDArray features, int[] labels) {
        INDArray predicted = net.output(features, false).argMax(1);
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted.getInt(i) == labels[i]) {
                hits++;
            }
        }
        return (double) hits / labels.length;
    }
}
