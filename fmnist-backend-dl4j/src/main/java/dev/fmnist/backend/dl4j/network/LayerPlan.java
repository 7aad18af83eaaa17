package dev.fmnist.backend.dl4j.network;

import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J network for a {@link ModelSpec}: one DL4J layer per API layer (Flatten and Reshape become
 * preprocessors), where each portable parameter lives ({@link ParamBinding}) and where each dropout mask
 * goes ({@link DropoutBinding}).
 *
 * <p>DL4J is channels-first. Image activations are {@code [n, c, h, w]}; a Flatten of a map with more than
 * one channel and pixel therefore yields values in {@code (c, h, w)} order where Keras has {@code (h, w,
 * c)}: the next Dense kernel's rows are permuted ({@link KerasLayouts}) and dropout masks on such a vector
 * are permuted too; BatchNormalization there would need its vectors permuted and is refused. The last
 * layer is DL4J's {@link OutputLayer} (Dense with softmax) or {@link LossLayer} (a Softmax layer after a
 * linear Dense), both with multi-class cross-entropy.
 *
 * @param configuration the DL4J configuration
 * @param params every portable parameter, in the portable order
 * @param dropouts the dropout layers, in order
 * @param outputHasWeights whether the last DL4J layer is an {@link OutputLayer} with a kernel (else a
 *     {@link LossLayer} whose input is the logits)
 * @param outputHasBias whether that output layer has a bias
 */
public record LayerPlan(MultiLayerConfiguration configuration, List<ParamBinding> params,
        List<DropoutBinding> dropouts, boolean outputHasWeights, boolean outputHasBias) {

    /** How the DL4J activation between two layers is laid out. */
    private enum Layout {
        /** {@code [n, c, h, w]}. */
        IMAGE,
        /** {@code [n, size]} in Keras's order. */
        FLAT,
        /** {@code [n, h*w*c]} in {@code (c, h, w)} order, after a channels-first flatten. */
        FLAT_CHANNELS_FIRST
    }

    /**
     * A dropout layer's mask.
     *
     * @param layer the Dropout layer's 0-based index in the model (part of the mask's key)
     * @param rate its rate
     * @param sampleSize values per sample
     * @param channelsFirst {@code [h, w, c]} of the map whose values DL4J holds channels-first (an image, or a
     *     flattened one), whose masks are permuted from the API's channels-last order; {@code null} if none
     * @param dl4jShape DL4J's shape of one sample's input ({@code [c, h, w]} or {@code [size]})
     * @param slot where the mask goes
     */
    public record DropoutBinding(int layer, double rate, int sampleSize, int[] channelsFirst, long[] dl4jShape,
            MaskedDropout.Slot slot) {
    }

    /**
     * Plans the network for {@code spec}.
     *
     * @param base the global configuration (seed, data type, updater, workspaces)
     * @throws UnsupportedModelException for what this backend cannot run
     */
    static LayerPlan of(ModelSpec spec, NeuralNetConfiguration.Builder base) {
        List<LayerNode> nodes = spec.nodes();
        boolean image = spec.inputShape().rank() == 3 && !(nodes.get(0).layer() instanceof LayerSpec.Flatten)
                || nodes.get(0).layer() instanceof LayerSpec.Reshape r && r.targetShape().equals(Shape.IMAGE);
        Layout layout = image ? Layout.IMAGE : Layout.FLAT;
        NeuralNetConfiguration.ListBuilder list = base.list();
        List<ParamBinding> params = new ArrayList<>();
        List<DropoutBinding> dropouts = new ArrayList<>();
        Shape flattenedFrom = null;
        boolean outputHasWeights = true;
        boolean outputHasBias = true;
        int index = 0;
        for (LayerNode node : nodes) {
            LayerSpec l = node.layer();
            boolean last = node.index() == nodes.size() - 1;
            if (l instanceof LayerSpec.Flatten || l instanceof LayerSpec.Reshape) {
                if (l instanceof LayerSpec.Reshape && node.output().rank() != 1
                        && !(node.index() == 0 && node.output().equals(Shape.IMAGE))) {
                    throw refuse(node, "Reshape to " + node.output());
                }
                if (layout == Layout.IMAGE && node.output().rank() == 1) {
                    Shape in = node.input();
                    boolean sameOrder = in.dim(2) == 1 || in.dim(0) * in.dim(1) == 1;
                    layout = sameOrder ? Layout.FLAT : Layout.FLAT_CHANNELS_FIRST;
                    flattenedFrom = sameOrder ? null : in;
                    list.inputPreProcessor(index, new CnnToFeedForwardPreProcessor(in.dim(0), in.dim(1), in.dim(2)));
                }
                continue;
            }
            if (node.input().rank() == 2) {
                throw refuse(node, l.kerasClass() + " on a 2-D input " + node.input());
            }
            Layer layer;
            if (l instanceof LayerSpec.Dense d) {
                int[] kernel = node.parameter("kernel").shape();
                ParamBinding.Kind kind = layout == Layout.FLAT_CHANNELS_FIRST ? ParamBinding.Kind.FLATTENED_ROWS
                        : ParamBinding.Kind.SAME;
                int[] dims = kind == ParamBinding.Kind.FLATTENED_ROWS ? new int[] {flattenedFrom.dim(0),
                    flattenedFrom.dim(1), flattenedFrom.dim(2), d.units()} : kernel;
                params.add(new ParamBinding(node.name() + "/kernel", index + "_W", kind, dims));
                if (d.useBias()) {
                    params.add(new ParamBinding(node.name() + "/bias", index + "_b", ParamBinding.Kind.SAME,
                            new int[] {d.units()}));
                }
                if (last) {
                    outputHasBias = d.useBias();
                    layer = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(d.units())
                            .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).hasBias(d.useBias()).build();
                } else {
                    layer = new DenseLayer.Builder().nOut(d.units()).activation(activation(d.activation()))
                            .hasBias(d.useBias()).build();
                }
                layout = Layout.FLAT;
            } else if (last) {
                // Softmax or Activation('softmax') after a linear layer: a loss layer over its input.
                outputHasWeights = false;
                outputHasBias = false;
                requireFlat(node, layout);
                layer = new LossLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build();
            } else if (l instanceof LayerSpec.Conv2D c) {
                params.add(new ParamBinding(node.name() + "/kernel", index + "_W", ParamBinding.Kind.CONV_KERNEL,
                        node.parameter("kernel").shape()));
                if (c.useBias()) {
                    params.add(new ParamBinding(node.name() + "/bias", index + "_b", ParamBinding.Kind.SAME,
                            new int[] {c.filters()}));
                }
                layer = new ConvolutionLayer.Builder(c.kernelSize().height(), c.kernelSize().width())
                        .stride(c.strides().height(), c.strides().width()).convolutionMode(mode(c.padding()))
                        .nOut(c.filters()).activation(activation(c.activation())).hasBias(c.useBias()).build();
            } else if (l instanceof LayerSpec.MaxPooling2D p) {
                layer = pooling(PoolingType.MAX, p.poolSize().height(), p.poolSize().width(), p.strides().height(),
                        p.strides().width(), p.padding());
            } else if (l instanceof LayerSpec.AveragePooling2D p) {
                layer = pooling(PoolingType.AVG, p.poolSize().height(), p.poolSize().width(), p.strides().height(),
                        p.strides().width(), p.padding());
            } else if (l instanceof LayerSpec.GlobalAveragePooling2D) {
                layer = new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
                layout = Layout.FLAT;
            } else if (l instanceof LayerSpec.Dropout d) {
                MaskedDropout.Slot slot = new MaskedDropout.Slot();
                Shape map = layout == Layout.IMAGE ? node.input() : layout == Layout.FLAT_CHANNELS_FIRST
                        ? flattenedFrom : null;
                long[] dl4jShape = layout == Layout.IMAGE ? new long[] {map.dim(2), map.dim(0), map.dim(1)}
                        : new long[] {node.input().size()};
                dropouts.add(new DropoutBinding(node.index(), d.rate(), node.input().size(),
                        map == null ? null : map.dims(), dl4jShape, slot));
                layer = new DropoutLayer.Builder(new MaskedDropout(slot)).build();
            } else if (l instanceof LayerSpec.BatchNormalization b) {
                if (layout == Layout.FLAT_CHANNELS_FIRST) {
                    throw refuse(node, "BatchNormalization on a flattened multi-channel map");
                }
                layer = batchNorm(b, node, index, params);
            } else if (l instanceof LayerSpec.ActivationLayer a) {
                layer = new ActivationLayer.Builder().activation(activation(a.activation())).build();
            } else if (l instanceof LayerSpec.ReLU) {
                layer = new ActivationLayer.Builder().activation(org.nd4j.linalg.activations.Activation.RELU).build();
            } else if (l instanceof LayerSpec.Softmax) {
                requireFlat(node, layout);
                layer = new ActivationLayer.Builder().activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                        .build();
            } else {
                throw refuse(node, l.kerasClass() + " layers");
            }
            list.layer(index++, layer);
        }
        list.setInputType(image ? InputType.convolutionalFlat(28, 28, 1) : InputType.feedForward(28 * 28));
        return new LayerPlan(list.build(), params, dropouts, outputHasWeights, outputHasBias);
    }

    private static Layer batchNorm(LayerSpec.BatchNormalization b, LayerNode node, int index,
            List<ParamBinding> params) {
        int c = node.input().dim(-1);
        BatchNormalization.Builder builder = new BatchNormalization.Builder().decay(b.momentum()).eps(b.epsilon())
                .useLogStd(false);
        if (b.center() && b.scale()) {
            params.add(new ParamBinding(node.name() + "/gamma", index + "_gamma", ParamBinding.Kind.SAME, new int[] {c}));
            params.add(new ParamBinding(node.name() + "/beta", index + "_beta", ParamBinding.Kind.SAME, new int[] {c}));
        } else if (!b.center() && !b.scale()) {
            builder.lockGammaBeta(true).gamma(1).beta(0);
        } else {
            throw refuse(node, "BatchNormalization with only one of center and scale");
        }
        params.add(new ParamBinding(node.name() + "/moving_mean", index + "_mean", ParamBinding.Kind.SAME, new int[] {c}));
        params.add(new ParamBinding(node.name() + "/moving_variance", index + "_var", ParamBinding.Kind.SAME,
                new int[] {c}));
        return builder.build();
    }

    private static Layer pooling(PoolingType type, int ph, int pw, int sh, int sw, Padding padding) {
        return new SubsamplingLayer.Builder(type).kernelSize(ph, pw).stride(sh, sw).convolutionMode(mode(padding))
                .avgPoolIncludePadInDivisor(false).build();
    }

    private static ConvolutionMode mode(Padding padding) {
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static void requireFlat(LayerNode node, Layout layout) {
        if (layout != Layout.FLAT) {
            throw refuse(node, "a softmax over an image or a flattened multi-channel map");
        }
    }

    static org.nd4j.linalg.activations.Activation activation(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LINEAR -> org.nd4j.linalg.activations.Activation.IDENTITY;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
        };
    }

    private static UnsupportedModelException refuse(LayerNode node, String what) {
        return new UnsupportedModelException("backend 'dl4j' cannot run " + node.describe() + ": " + what
                + " is not supported");
    }
}
