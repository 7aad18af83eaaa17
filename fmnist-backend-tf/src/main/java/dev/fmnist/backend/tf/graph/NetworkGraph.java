package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The forward network of a {@link ModelSpec} as a TensorFlow graph: an image placeholder
 * {@code [batch, 784]}, one variable per portable parameter, the logits of the last dense layer and the
 * softmax over them. Variables have no initializer: weights always come in through {@link #loadWeights()},
 * so every backend starts from the API's seeded initial weights (TensorFlow Java's own Glorot initializer
 * samples only positive values, see docs/ENVIRONMENT-NOTES.md).
 */
public final class NetworkGraph {
    private final ModelSpec spec;
    private final Placeholder<TFloat32> images;
    private final List<Parameter> parameters;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> probabilities;
    private final Op loadWeights;

    private NetworkGraph(ModelSpec spec, Placeholder<TFloat32> images, List<Parameter> parameters,
            Operand<TFloat32> logits, Operand<TFloat32> probabilities, Op loadWeights) {
        this.spec = spec;
        this.images = images;
        this.parameters = List.copyOf(parameters);
        this.logits = logits;
        this.probabilities = probabilities;
        this.loadWeights = loadWeights;
    }

    /**
     * Adds the network of {@code spec} to the graph behind {@code tf}.
     *
     * @throws UnsupportedModelException for layers this backend cannot run (convolutions, pooling, dropout)
     */
    public static NetworkGraph build(Ops tf, ModelSpec spec) {
        checkSupported(spec);
        Map<String, int[]> shapes = spec.parameterShapes();
        Placeholder<TFloat32> images = tf.withName("images").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, Images.PIXELS)));
        List<Parameter> parameters = new ArrayList<>();
        List<Op> assigns = new ArrayList<>();
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            Ops scope = tf.withSubScope(e.getKey().replace('/', '_'));
            Shape shape = Shape.of(toLongs(e.getValue()));
            Variable<TFloat32> variable = scope.withName("variable").variable(shape, TFloat32.class);
            Placeholder<TFloat32> value = scope.withName("value").placeholder(TFloat32.class,
                    Placeholder.shape(shape));
            var assign = scope.withName("load").assign(variable, value);
            parameters.add(new Parameter(e.getKey(), e.getValue(), variable, value, assign));
            assigns.add(assign);
        }
        Operand<TFloat32> activations = images;
        List<LayerSpec.Dense> dense = spec.denseLayers();
        for (int i = 0; i < dense.size(); i++) {
            Ops layer = tf.withSubScope("dense_" + i);
            Parameter kernel = parameters.get(2 * i);
            Parameter bias = parameters.get(2 * i + 1);
            Operand<TFloat32> z = layer.nn.biasAdd(layer.linalg.matMul(activations, kernel.variable()),
                    bias.variable());
            activations = i == dense.size() - 1 ? z : activate(layer, z, dense.get(i).activation());
        }
        Operand<TFloat32> logits = tf.withName("logits").identity(activations);
        Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
        Op loadWeights = tf.withControlDependencies(assigns).withName("load_weights").noOp();
        return new NetworkGraph(spec, images, parameters, logits, probabilities, loadWeights);
    }

    private static Operand<TFloat32> activate(Ops tf, Operand<TFloat32> z, Activation activation) {
        return switch (activation) {
            case LINEAR -> z;
            case RELU -> tf.nn.relu(z);
            case SIGMOID -> tf.math.sigmoid(z);
            case TANH -> tf.math.tanh(z);
            case SOFTMAX -> tf.nn.softmax(z);
        };
    }

    private static void checkSupported(ModelSpec spec) {
        for (LayerSpec layer : spec.layers()) {
            if (!(layer instanceof LayerSpec.Flatten) && !(layer instanceof LayerSpec.Dense)) {
                throw new UnsupportedModelException("the tf backend cannot run layer '" + layer.type()
                        + "' yet; it runs flatten and dense layers (try --backend pure)");
            }
        }
        if (spec.denseLayers().get(spec.denseLayers().size() - 1).units() != FashionClass.COUNT) {
            throw new UnsupportedModelException("the last dense layer must have " + FashionClass.COUNT + " units");
        }
    }

    private static long[] toLongs(int[] shape) {
        long[] d = new long[shape.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = shape[i];
        }
        return d;
    }

    /** The network this graph runs. */
    public ModelSpec spec() {
        return spec;
    }

    /** Images, {@code [batch, 784]} floats in [0, 1]. */
    public Placeholder<TFloat32> images() {
        return images;
    }

    /** The parameters in the portable layout's order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The last dense layer's output before softmax, {@code [batch, 10]}. */
    public Operand<TFloat32> logits() {
        return logits;
    }

    /** Class probabilities, {@code [batch, 10]}. */
    public Operand<TFloat32> probabilities() {
        return probabilities;
    }

    /** Assigns every parameter from its {@link Parameter#value()} placeholder. */
    public Op loadWeights() {
        return loadWeights;
    }
}
