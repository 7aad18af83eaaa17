package dev.fmnist.backend.dl4j.bench;

import dev.fmnist.api.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A convolutional network written the way a DL4J user would write it from DL4J's own examples, with no
 * fmnist code in the timed part: conv 3x3 same (f1) relu, max-pool 2, conv 3x3 same (f2) relu, max-pool 2,
 * dense (units) relu, dropout (DL4J's own, retaining 1 - rate), dense 10 softmax (the cnn preset); Adam with Keras's settings; {@code fit(DataSetIterator)} over
 * shuffled examples with {@code InputType.convolutionalFlat(28, 28, 1)}. fmnist only loads the images.
 */
final class PlainDl4jCnn {
    private final List<DataSet> examples;
    private final DataSetIterator iterator;
    private final MultiLayerNetwork net;
    private final Random random = new Random(42);

    PlainDl4jCnn(Dataset train, int batchSize, int f1, int f2, int units, double dropout) {
        int n = train.size();
        INDArray features = Nd4j.create(train.scaledImages(0, n), new long[] {n, 784}, 'c');
        float[] oneHot = new float[n * 10];
        for (int i = 0; i < n; i++) {
            oneHot[i * 10 + train.label(i)] = 1;
        }
        INDArray labels = Nd4j.create(oneHot, new long[] {n, 10}, 'c');
        examples = new ArrayList<>(new DataSet(features, labels).asList());
        iterator = new ListDataSetIterator<>(examples, batchSize);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3, 0.9, 0.999, 1e-7)).weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Same).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(f1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(f2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(1 - dropout).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        net = new MultiLayerNetwork(conf);
        net.init();
    }

    /** One shuffled epoch over the examples; returns its seconds. */
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

    /** Test-set accuracy, as a sanity check that the baseline learns. */
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
