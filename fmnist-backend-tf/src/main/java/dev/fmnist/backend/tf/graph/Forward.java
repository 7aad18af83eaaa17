package dev.fmnist.backend.tf.graph;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One forward pass of a {@link ModelSpec} over shared variables, in inference or training mode, channels
 * last as Keras and TensorFlow both are (so parameters need no layout change).
 *
 * <ul>
 * <li>Conv2D is {@code Conv2D} and {@code BiasAdd}; pooling is {@code MaxPoolV2} (window and strides as
 * operands: the op with a gradient in TensorFlow's C++ registry) and {@code AvgPool}, whose "same" padding
 * averages real cells only, as Keras's does.</li>
 * <li>BatchNormalization is composed from {@code Mean}, {@code SquaredDifference} and {@code Rsqrt}: in
 * training it normalises with the batch's mean and biased variance over every axis but the last and adds
 * ops that move the moving statistics by Keras's rule {@code moving = moving * momentum + batch * (1 -
 * momentum)}; in inference it uses the moving statistics. {@code FusedBatchNorm} would pass the unbiased
 * variance to the moving average instead.</li>
 * <li>Dropout multiplies, in training only, by a mask placeholder the session fills from the API's
 * {@code DropoutMasks}, so the backend drops exactly the elements every other backend drops.</li>
 * </ul>
 *
 * @param logits the last layer's input to its softmax, {@code [batch, 10]}
 * @param masks the dropout masks to feed (training mode; empty in inference)
 * @param updates the moving-statistics updates to run with each step (training mode)
 */
record Forward(Operand<TFloat32> logits, List<DropoutInput> masks, List<Op> updates) {

    static Forward build(Ops tf, ModelSpec spec, Operand<TFloat32> images, Map<String, Parameter> params,
            boolean training) {
        List<DropoutInput> masks = new ArrayList<>();
        List<Op> updates = new ArrayList<>();
        Operand<TFloat32> x = rescale(tf, images, spec.inputRange());
        x = reshape(tf, x, spec.inputShape());
        List<LayerNode> nodes = spec.nodes();
        Operand<TFloat32> logits = null;
        for (LayerNode node : nodes) {
            Ops layer = tf.withSubScope((training ? "train_" : "infer_") + node.name());
            boolean last = node.index() == nodes.size() - 1;
            LayerSpec l = node.layer();
            if (last) {
                // The model ends in a softmax (checked by the API): the loss wants the values before it.
                logits = beforeSoftmax(layer, l, x, params, node);
                x = logits;
                break;
            }
            x = layer(layer, l, x, params, node, training, masks, updates);
        }
        return new Forward(logits, masks, updates);
    }

    private static Operand<TFloat32> layer(Ops tf, LayerSpec l, Operand<TFloat32> x, Map<String, Parameter> params,
            LayerNode node, boolean training, List<DropoutInput> masks, List<Op> updates) {
        if (l instanceof LayerSpec.Flatten || l instanceof LayerSpec.Reshape) {
            return reshape(tf, x, node.output());
        } else if (l instanceof LayerSpec.Dense d) {
            return activate(tf, dense(tf, x, d.useBias(), params, node), d.activation());
        } else if (l instanceof LayerSpec.Conv2D c) {
            return activate(tf, conv(tf, x, c, params, node), c.activation());
        } else if (l instanceof LayerSpec.MaxPooling2D p) {
            return tf.nn.maxPool(x, window(tf, p.poolSize()), window(tf, p.strides()), padding(p.padding()));
        } else if (l instanceof LayerSpec.AveragePooling2D p) {
            return tf.nn.avgPool(x, longs(p.poolSize()), longs(p.strides()), padding(p.padding()));
        } else if (l instanceof LayerSpec.GlobalAveragePooling2D) {
            return tf.math.mean(x, tf.constant(new int[] {1, 2}));
        } else if (l instanceof LayerSpec.Dropout d) {
            return training ? dropout(tf, x, d, node, masks) : x;
        } else if (l instanceof LayerSpec.BatchNormalization b) {
            return batchNorm(tf, x, b, params, node, training, updates);
        } else if (l instanceof LayerSpec.ActivationLayer a) {
            return activate(tf, x, a.activation());
        } else if (l instanceof LayerSpec.ReLU) {
            return tf.nn.relu(x);
        } else if (l instanceof LayerSpec.Softmax) {
            return tf.nn.softmax(x);
        }
        throw new IllegalArgumentException(node.describe() + " has no TensorFlow mapping"); // InputLayer is removed by ModelSpec
    }

    private static Operand<TFloat32> beforeSoftmax(Ops tf, LayerSpec l, Operand<TFloat32> x,
            Map<String, Parameter> params, LayerNode node) {
        if (l instanceof LayerSpec.Dense d) {
            return dense(tf, x, d.useBias(), params, node);
        }
        return x; // Softmax or Activation('softmax'): its input is the logits
    }

    private static Operand<TFloat32> rescale(Ops tf, Operand<TFloat32> images, InputRange range) {
        if (range.isUnit()) {
            return images;
        }
        return tf.math.add(tf.math.mul(images, tf.constant((float) (255 * range.scale()))),
                tf.constant((float) range.offset()));
    }

    private static Operand<TFloat32> reshape(Ops tf, Operand<TFloat32> x, Shape shape) {
        int[] dims = new int[shape.rank() + 1];
        dims[0] = -1;
        System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
        if (dims.length == 2 && dims[1] == Images.PIXELS && x.shape().numDimensions() == 2) {
            return x; // already [batch, 784]
        }
        return tf.reshape(x, tf.constant(dims));
    }

    private static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, boolean bias, Map<String, Parameter> params,
            LayerNode node) {
        Operand<TFloat32> z = tf.linalg.matMul(x, params.get(node.name() + "/kernel").variable());
        return bias ? tf.nn.biasAdd(z, params.get(node.name() + "/bias").variable()) : z;
    }

    private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, LayerSpec.Conv2D c,
            Map<String, Parameter> params, LayerNode node) {
        Operand<TFloat32> z = tf.nn.conv2d(x, params.get(node.name() + "/kernel").variable(),
                List.of(1L, (long) c.strides().height(), (long) c.strides().width(), 1L), padding(c.padding()));
        return c.useBias() ? tf.nn.biasAdd(z, params.get(node.name() + "/bias").variable()) : z;
    }

    private static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, LayerSpec.Dropout d, LayerNode node,
            List<DropoutInput> masks) {
        Placeholder<TFloat32> mask = tf.withName("mask").placeholder(TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(batchDims(node.input()))));
        masks.add(new DropoutInput(node.index(), d.rate(), node.input().size(), mask));
        return tf.math.mul(x, mask);
    }

    private static Operand<TFloat32> batchNorm(Ops tf, Operand<TFloat32> x, LayerSpec.BatchNormalization b,
            Map<String, Parameter> params, LayerNode node, boolean training, List<Op> updates) {
        Parameter movingMean = params.get(node.name() + "/moving_mean");
        Parameter movingVariance = params.get(node.name() + "/moving_variance");
        Operand<TFloat32> mean;
        Operand<TFloat32> variance;
        if (training) {
            int[] axes = new int[node.input().rank()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i; // batch and every axis but the channels
            }
            Operand<TInt32> reduce = tf.constant(axes);
            mean = tf.math.mean(x, reduce);
            variance = tf.math.mean(tf.math.squaredDifference(x, mean), reduce);
            Operand<TFloat32> keep = tf.constant((float) b.momentum());
            Operand<TFloat32> move = tf.constant((float) (1 - b.momentum()));
            updates.add(tf.assign(movingMean.variable(), tf.math.add(tf.math.mul(movingMean.variable(), keep),
                    tf.math.mul(mean, move))));
            updates.add(tf.assign(movingVariance.variable(), tf.math.add(
                    tf.math.mul(movingVariance.variable(), keep), tf.math.mul(variance, move))));
        } else {
            mean = movingMean.variable();
            variance = movingVariance.variable();
        }
        Operand<TFloat32> y = tf.math.mul(tf.math.sub(x, mean),
                tf.math.rsqrt(tf.math.add(variance, tf.constant((float) b.epsilon()))));
        if (b.scale()) {
            y = tf.math.mul(y, params.get(node.name() + "/gamma").variable());
        }
        if (b.center()) {
            y = tf.math.add(y, params.get(node.name() + "/beta").variable());
        }
        return y;
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

    private static Operand<TInt32> window(Ops tf, Size2D size) {
        return tf.constant(new int[] {1, size.height(), size.width(), 1});
    }

    private static List<Long> longs(Size2D size) {
        return List.of(1L, (long) size.height(), (long) size.width(), 1L);
    }

    private static String padding(Padding padding) {
        return padding == Padding.SAME ? "SAME" : "VALID";
    }

    /** A sample shape with an unknown batch axis in front. */
    static long[] batchDims(Shape shape) {
        long[] d = new long[shape.rank() + 1];
        d[0] = -1;
        for (int i = 0; i < shape.rank(); i++) {
            d[i + 1] = shape.dim(i);
        }
        return d;
    }
}
