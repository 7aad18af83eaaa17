package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The network of a {@link ModelSpec} as a TensorFlow graph: an image placeholder {@code [batch, 784]}, one
 * variable per portable parameter (trainable or not: BatchNormalization's moving statistics are variables
 * too), and the inference pass ({@link Forward}): logits and the softmax over them. A training graph adds a
 * second pass over the same variables in training mode ({@link #trainingPass}). Variables have no initializer: weights always come in through {@link #loadWeights()},
 * so every backend starts from the API's seeded initial weights (TensorFlow Java's own Glorot initializer
 * samples only positive values, see docs/ENVIRONMENT-NOTES.md).
 */
public final class NetworkGraph {
    private final ModelSpec spec;
    private final Placeholder<TFloat32> images;
    private final List<Parameter> parameters;
    private final List<Parameter> trainable;
    private final Map<String, Parameter> byName;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> probabilities;
    private final Op loadWeights;

    private NetworkGraph(ModelSpec spec, Placeholder<TFloat32> images, List<Parameter> parameters,
            List<Parameter> trainable, Map<String, Parameter> byName, Operand<TFloat32> logits,
            Operand<TFloat32> probabilities, Op loadWeights) {
        this.spec = spec;
        this.images = images;
        this.parameters = List.copyOf(parameters);
        this.trainable = List.copyOf(trainable);
        this.byName = Map.copyOf(byName);
        this.logits = logits;
        this.probabilities = probabilities;
        this.loadWeights = loadWeights;
    }

    /**
     * Adds the network of {@code spec} to the graph behind {@code tf}. The backend's capabilities have been
     * checked by then.
     */
    public static NetworkGraph build(Ops tf, ModelSpec spec) {
        Placeholder<TFloat32> images = tf.withName("images").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, Images.PIXELS)));
        List<Parameter> parameters = new ArrayList<>();
        List<Parameter> trainable = new ArrayList<>();
        Map<String, Parameter> byName = new HashMap<>();
        List<Op> assigns = new ArrayList<>();
        for (ParameterSpec ps : spec.parameters()) {
            Ops scope = tf.withSubScope(ps.name().replace('/', '_'));
            Shape shape = Shape.of(toLongs(ps.shape()));
            Variable<TFloat32> variable = scope.withName("variable").variable(shape, TFloat32.class);
            Placeholder<TFloat32> value = scope.withName("value").placeholder(TFloat32.class,
                    Placeholder.shape(shape));
            var assign = scope.withName("load").assign(variable, value);
            Parameter p = new Parameter(ps.name(), ps.shape(), variable, value, assign);
            parameters.add(p);
            if (ps.trainable()) {
                trainable.add(p);
            }
            byName.put(ps.name(), p);
            assigns.add(assign);
        }
        Forward inference = Forward.build(tf, spec, images, byName, false);
        Operand<TFloat32> logits = tf.withName("logits").identity(inference.logits());
        Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
        Op loadWeights = tf.withControlDependencies(assigns).withName("load_weights").noOp();
        return new NetworkGraph(spec, images, parameters, trainable, byName, logits, probabilities, loadWeights);
    }

    /** A second forward pass over the same variables in training mode (batch statistics, dropout masks). */
    Forward trainingPass(Ops tf) {
        return Forward.build(tf, spec, images, byName, true);
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

    /** The parameters the optimizer updates (all but BatchNormalization's moving statistics). */
    public List<Parameter> trainableParameters() {
        return trainable;
    }

    /** The inference pass's values before the final softmax, {@code [batch, 10]}. */
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
