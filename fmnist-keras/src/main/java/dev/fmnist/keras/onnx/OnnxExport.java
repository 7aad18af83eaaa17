package dev.fmnist.keras.onnx;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.UnsupportedModelException;
import dev.fmnist.api.io.SavedModel;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Tensor;
import dev.fmnist.api.model.Weights;
import java.util.Arrays;

/**
 * A model as an ONNX graph (opset 13): input {@code input [N, 28, 28]} float32 pixels in [0, 1], output
 * {@code probabilities [N, 10]}. The model's input range, if any, is applied first inside the graph. Images go
 * channels-first for convolutions and pooling (ONNX's layout) and back to channels-last before a Flatten or a
 * Reshape, so the Dense layers see their inputs in Keras's (height, width, channel) order.
 */
public final class OnnxExport {
    /** The opset the graph uses. */
    public static final int OPSET = 13;
    /** The graph's input name. */
    public static final String INPUT = "input";
    /** The graph's output name. */
    public static final String OUTPUT = "probabilities";

    private final OnnxGraph g = new OnnxGraph();
    private final Weights weights;
    private boolean channelsFirst;

    private OnnxExport(Weights weights) {
        this.weights = weights;
    }

    /** The ONNX model's bytes. @throws UnsupportedModelException for a layer ONNX export does not cover */
    public static byte[] bytes(SavedModel model) {
        OnnxExport e = new OnnxExport(model.weights());
        String x = e.input(model.spec().inputRange(), model.spec().inputShape());
        var nodes = model.spec().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            x = e.layer(nodes.get(i), x, i == nodes.size() - 1);
        }
        e.g.node("Identity", x).output(OUTPUT);
        return e.g.model(INPUT, new long[] {-1, Images.ROWS, Images.COLS}, OUTPUT, FashionClass.COUNT, OPSET,
                "fmnist");
    }

    private String input(InputRange range, Shape shape) {
        String x = INPUT;
        if (!range.isUnit()) {
            x = g.node("Mul", x, g.constant("input_scale", new int[0], new float[] {(float) (255 * range.scale())}))
                    .out();
            x = g.node("Add", x, g.constant("input_offset", new int[0], new float[] {(float) range.offset()})).out();
        }
        long[] target = new long[shape.rank() + 1];
        target[0] = -1;
        for (int i = 0; i < shape.rank(); i++) {
            target[i + 1] = shape.dim(i);
        }
        x = g.node("Reshape", x, g.constant("input_shape", target)).out();
        if (shape.isImage()) {
            x = toChannelsFirst(x);
        }
        return x;
    }

    private String layer(LayerNode node, String x, boolean last) {
        LayerSpec l = node.layer();
        if (l instanceof LayerSpec.Flatten) {
            return g.node("Flatten", toChannelsLast(x)).integer("axis", 1).out();
        } else if (l instanceof LayerSpec.Dense d) {
            String y = g.node("MatMul", x, tensor(node, "kernel")).out();
            if (d.useBias()) {
                y = g.node("Add", y, tensor(node, "bias")).out();
            }
            return activation(d.activation(), y);
        } else if (l instanceof LayerSpec.Conv2D c) {
            Tensor k = weights.get(node.name() + "/kernel");
            int[] s = k.shape();
            String kernel = g.constant(k.name(), new int[] {s[3], s[2], s[0], s[1]}, hwioToOihw(k.data(), s));
            OnnxGraph.Node conv = c.useBias() ? g.node("Conv", channelsFirst(x), kernel, tensor(node, "bias"))
                    : g.node("Conv", channelsFirst(x), kernel);
            String y = conv.ints("kernel_shape", s[0], s[1]).ints("strides", c.strides().height(), c.strides().width())
                    .text("auto_pad", pad(c.padding())).out();
            return activation(c.activation(), y);
        } else if (l instanceof LayerSpec.MaxPooling2D p) {
            return g.node("MaxPool", channelsFirst(x)).ints("kernel_shape", p.poolSize().height(), p.poolSize().width())
                    .ints("strides", p.strides().height(), p.strides().width()).text("auto_pad", pad(p.padding())).out();
        } else if (l instanceof LayerSpec.AveragePooling2D p) {
            return g.node("AveragePool", channelsFirst(x))
                    .ints("kernel_shape", p.poolSize().height(), p.poolSize().width())
                    .ints("strides", p.strides().height(), p.strides().width()).text("auto_pad", pad(p.padding())).out();
        } else if (l instanceof LayerSpec.GlobalAveragePooling2D) {
            String y = g.node("GlobalAveragePool", channelsFirst(x)).out();
            channelsFirst = false;
            return g.node("Flatten", y).integer("axis", 1).out();
        } else if (l instanceof LayerSpec.Reshape r) {
            long[] target = new long[r.targetShape().rank() + 1];
            target[0] = -1;
            for (int i = 0; i < r.targetShape().rank(); i++) {
                target[i + 1] = r.targetShape().dim(i);
            }
            String y = g.node("Reshape", toChannelsLast(x), g.constant(g.fresh("shape"), target)).out();
            return r.targetShape().isImage() ? toChannelsFirst(y) : y;
        } else if (l instanceof LayerSpec.BatchNormalization b) {
            int c = node.output().dim(node.output().rank() - 1);
            String scale = b.scale() ? tensor(node, "gamma") : g.constant(g.fresh("ones"), new int[] {c}, fill(c, 1));
            String bias = b.center() ? tensor(node, "beta") : g.constant(g.fresh("zeros"), new int[] {c}, fill(c, 0));
            String in = node.input().rank() == 3 ? channelsFirst(x) : x;
            return g.node("BatchNormalization", in, scale, bias, tensor(node, "moving_mean"),
                    tensor(node, "moving_variance")).real("epsilon", (float) b.epsilon()).out();
        } else if (l instanceof LayerSpec.Dropout) {
            return x;
        } else if (l instanceof LayerSpec.ActivationLayer a) {
            return activation(a.activation(), x);
        } else if (l instanceof LayerSpec.ReLU) {
            return activation(Activation.RELU, x);
        } else if (l instanceof LayerSpec.Softmax) {
            return activation(Activation.SOFTMAX, x);
        }
        throw new UnsupportedModelException(node.describe() + " has no ONNX export");
    }

    private String activation(Activation a, String x) {
        return switch (a) {
            case LINEAR -> x;
            case RELU -> g.node("Relu", x).out();
            case SIGMOID -> g.node("Sigmoid", x).out();
            case TANH -> g.node("Tanh", x).out();
            case SOFTMAX -> {
                if (channelsFirst) {
                    throw new UnsupportedModelException("softmax over an image is not exported to ONNX");
                }
                yield g.node("Softmax", x).integer("axis", -1).out();
            }
        };
    }

    private String channelsFirst(String x) {
        return channelsFirst ? x : toChannelsFirst(x);
    }

    private String toChannelsFirst(String x) {
        channelsFirst = true;
        return g.node("Transpose", x).ints("perm", 0, 3, 1, 2).out();
    }

    private String toChannelsLast(String x) {
        if (!channelsFirst) {
            return x;
        }
        channelsFirst = false;
        return g.node("Transpose", x).ints("perm", 0, 2, 3, 1).out();
    }

    private String tensor(LayerNode node, String weight) {
        Tensor t = weights.get(node.name() + "/" + weight);
        return g.constant(t.name(), t.shape(), t.data());
    }

    private static String pad(Padding p) {
        return p == Padding.SAME ? "SAME_UPPER" : "VALID";
    }

    private static float[] fill(int n, float v) {
        float[] out = new float[n];
        Arrays.fill(out, v);
        return out;
    }

    /** Keras's {@code [kh, kw, in, out]} kernel as ONNX's {@code [out, in, kh, kw]}. */
    static float[] hwioToOihw(float[] k, int[] s) {
        int kh = s[0];
        int kw = s[1];
        int in = s[2];
        int out = s[3];
        float[] r = new float[k.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + h) * kw + w] = k[((h * kw + w) * in + i) * out + o];
                    }
                }
            }
        }
        return r;
    }
}
