package dev.fmnist.backend.dl4j.bench;

import dev.fmnist.api.data.Dataset;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The same network written the way a DL4J user would, with no fmnist code in the timed part: a
 * {@code MultiLayerNetwork} from a builder, Xavier-uniform weights, Adam with Keras's settings, trained by
 * {@link PlainDl4jTrainer}.
 */
final class PlainDl4jBaseline {
    private PlainDl4jBaseline() {
    }

    /** The tutorial's network, ready to train on {@code train}. */
    static PlainDl4jTrainer open(Dataset train, int batchSize) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3, 0.9, 0.999, 1e-7)).weightInit(WeightInit.XAVIER_UNIFORM).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        return new PlainDl4jTrainer(train, batchSize, conf);
    }
}
