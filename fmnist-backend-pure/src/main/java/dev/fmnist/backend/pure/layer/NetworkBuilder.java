package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.ParameterSpec;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a model description into ops (the API's shapes and parameter names, the engine's arithmetic) and
 * moves weights between the portable layout and the ops' tensors, which already have Keras's layout.
 */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /** The engine's shape for an API shape: {@code (h, w)} is {@code h x w x 1}, {@code (n,)} a vector. */
    static Dims dims(Shape s) {
        return switch (s.rank()) {
            case 1 -> Dims.vector(s.dim(0));
            case 2 -> new Dims(s.dim(0), s.dim(1), 1);
            case 3 -> new Dims(s.dim(0), s.dim(1), s.dim(2));
            default -> throw new UnsupportedModelException("the pure backend runs tensors of rank 1 to 3, not " + s);
        };
    }

    /**
     * The network of {@code spec} with the values of {@code weights}.
     *
     * @throws UnsupportedModelException naming the layer the engine cannot run
     */
    public static LayerNetwork build(ModelSpec spec, Weights weights) {
        List<LayerNode> nodes = spec.nodes();
        List<Op> ops = new ArrayList<>();
        for (LayerNode node : nodes) {
            boolean last = node.index() == nodes.size() - 1;
            ops.add(op(node, dims(node.input()), last));
        }
        LayerNetwork net = new LayerNetwork(ops, spec.inputRange().isUnit() ? 1f : (float) (255 * spec.inputRange().scale()),
                (float) spec.inputRange().offset());
        for (ParameterSpec p : spec.parameters()) {
            Param mine = net.param(p.name());
            if (mine == null || !Arrays.equals(mine.shape, p.shape())) {
                throw new IllegalStateException("parameter " + p + " does not match the engine's "
                        + (mine == null ? "(none)" : Arrays.toString(mine.shape)));
            }
            Tensor t = weights.get(p.name());
            System.arraycopy(t.data(), 0, mine.data, 0, mine.data.length);
        }
        if (net.params().size() != spec.parameters().size()) {
            throw new IllegalStateException("the engine has " + net.params().size() + " parameters, the model "
                    + spec.parameters().size());
        }
        return net;
    }

    /** The parameters in the portable layout and order (copies). */
    public static Weights weights(ModelSpec spec, LayerNetwork net) {
        List<Tensor> out = new ArrayList<>();
        for (ParameterSpec p : spec.parameters()) {
            out.add(new Tensor(p.name(), p.shape(), net.param(p.name()).data.clone()));
        }
        return new Weights(out);
    }

    private static Op op(LayerNode node, Dims in, boolean last) {
        String name = node.name();
        LayerSpec layer = node.layer();
        Dims out = dims(node.output());
        if (layer instanceof LayerSpec.Dense d) {
            return new DenseOp(name, in, d.units(), activation(node, d.activation(), last), d.useBias());
        }
        if (layer instanceof LayerSpec.Conv2D c) {
            return new ConvOp(name, in, c.filters(), c.kernelSize().height(), c.kernelSize().width(),
                    c.strides().height(), c.strides().width(), c.padding() == Padding.SAME,
                    activation(node, c.activation(), false), c.useBias());
        }
        if (layer instanceof LayerSpec.MaxPooling2D p) {
            return new PoolOp(name, in, p.poolSize().height(), p.poolSize().width(), p.strides().height(),
                    p.strides().width(), p.padding() == Padding.SAME, true);
        }
        if (layer instanceof LayerSpec.AveragePooling2D p) {
            return new PoolOp(name, in, p.poolSize().height(), p.poolSize().width(), p.strides().height(),
                    p.strides().width(), p.padding() == Padding.SAME, false);
        }
        if (layer instanceof LayerSpec.GlobalAveragePooling2D) {
            return new GlobalAveragePoolOp(name, in);
        }
        if (layer instanceof LayerSpec.BatchNormalization b) {
            int rank = node.input().rank();
            if (b.axis() != -1 && b.axis() != rank) {
                throw unsupported(node, "axis " + b.axis() + " (only the last axis)");
            }
            return new BatchNormOp(name, in, b.momentum(), b.epsilon(), b.center(), b.scale());
        }
        if (layer instanceof LayerSpec.Dropout d) {
            return new DropoutOp(name, in, d.rate(), node.index());
        }
        if (layer instanceof LayerSpec.ActivationLayer a) {
            return new ActivationOp(name, in, activation(node, a.activation(), last));
        }
        if (layer instanceof LayerSpec.ReLU) {
            return new ActivationOp(name, in, Activation.RELU);
        }
        if (layer instanceof LayerSpec.Softmax) {
            return new ActivationOp(name, in, activation(node, Activation.SOFTMAX, last));
        }
        if (layer instanceof LayerSpec.Flatten || layer instanceof LayerSpec.Reshape
                || layer instanceof LayerSpec.InputLayer) {
            return new IdentityOp(name, in, out);
        }
        throw unsupported(node, "its type");
    }

    private static Activation activation(LayerNode node, Activation a, boolean last) {
        if (a == Activation.SOFTMAX && !last) {
            throw unsupported(node, "activation 'softmax' before the last layer");
        }
        return a;
    }

    private static UnsupportedModelException unsupported(LayerNode node, String what) {
        return new UnsupportedModelException("the pure backend cannot run " + node.describe() + ": " + what);
    }
}
