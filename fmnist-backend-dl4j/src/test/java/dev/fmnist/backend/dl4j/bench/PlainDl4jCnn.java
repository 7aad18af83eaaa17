package dev.fmnist.backend.dl4j.bench;

import dev.fmnist.api.data.Dataset;
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
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A convolutional network written the way a DL4J user would write it from DL4J's own examples, with no
 * fmnist code in the timed part: conv 3x3 same (f1) relu, max-pool 2, conv 3x3 same (f2) relu, max-pool 2,
 * dense (units) relu, dropout (DL4J's own, retaining 1 - rate), dense 10 softmax (the cnn preset);
 * Adam with Keras's settings; {@code InputType.convolutionalFlat(28, 28, 1)}; trained by {@link PlainDl4jTrainer}.
 */
final class PlainDl4jCnn {
    private PlainDl4jCnn() {
    }

    /** The network, ready to train on {@code train}. */
    static PlainDl4jTrainer open(Dataset train, int batchSize, int f1, int f2, int units, double dropout) {
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
        return new PlainDl4jTrainer(train, batchSize, conf);
    }
}
