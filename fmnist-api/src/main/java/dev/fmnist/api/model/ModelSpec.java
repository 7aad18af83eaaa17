package dev.fmnist.api.model;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A backend-neutral description of a sequential network over Fashion-MNIST images that ends in ten class
 * probabilities, in Keras's terms. {@link #nodes()} gives every layer's name, shapes and parameters;
 * {@link #parameters()} is the portable parameter layout. It round-trips through fmnist's JSON
 * ({@link #toJson()}); Keras's {@code model.to_json()} is read by {@code dev.fmnist.api.model.keras}.
 *
 * @param name a short name such as {@code "mlp"}
 * @param inputShape the shape of one image: {@code (28, 28)}, {@code (28, 28, 1)} or {@code (784,)}
 * @param layers the layers after the input, first to last (a leading {@link LayerSpec.InputLayer} is
 *     taken as the input shape and not kept)
 * @param inputRange what the first layer expects for a raw pixel (a Keras {@code Rescaling} layer)
 */
public record ModelSpec(String name, Shape inputShape, List<LayerSpec> layers, InputRange inputRange) {

    /** The preset names understood by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("mlp", "cnn");

    /**
     * Epochs the {@code cnn} preset trains for unless told otherwise: its design reaches 0.92 test accuracy
     * in this many epochs at batch 32 (the experiments that chose it are in the README).
     */
    public static final int CNN_EPOCHS = 8;

    /**
     * Epochs a preset is meant to be trained for, when it needs other than the caller's default (the tutorial's
     * 5 epochs for {@code mlp}): {@link #CNN_EPOCHS} for {@code cnn}, empty otherwise (files too).
     */
    public static java.util.OptionalInt presetEpochs(String name) {
        return "cnn".equals(name) ? java.util.OptionalInt.of(CNN_EPOCHS) : java.util.OptionalInt.empty();
    }

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(inputRange, "inputRange");
        List<LayerSpec> copy = new ArrayList<>(layers);
        if (!copy.isEmpty() && copy.get(0) instanceof LayerSpec.InputLayer in) {
            if (!in.shape().equals(inputShape)) {
                throw new InvalidInputException("model '" + name + "': InputLayer shape " + in.shape()
                        + " differs from the input shape " + inputShape);
            }
            copy.remove(0);
        }
        layers = List.copyOf(copy);
        if (inputShape.size() != Images.PIXELS || !(inputShape.equals(Shape.IMAGE)
                || inputShape.equals(Shape.IMAGE_2D) || inputShape.rank() == 1)) {
            throw new InvalidInputException("model '" + name + "' takes input " + inputShape
                    + "; a Fashion-MNIST image is (28, 28), (28, 28, 1) or (784,)");
        }
        if (layers.isEmpty()) {
            throw new InvalidInputException("model '" + name + "' has no layers");
        }
        checkEnding(name, resolve(inputShape, layers));
    }

    /** A model over {@code inputShape} taking pixels in {@code [0, 1]}. */
    public ModelSpec(String name, Shape inputShape, List<LayerSpec> layers) {
        this(name, inputShape, layers, InputRange.UNIT);
    }

    /** A model whose input is a leading {@link LayerSpec.InputLayer}'s shape, else {@code (28, 28, 1)}. */
    public ModelSpec(String name, List<LayerSpec> layers) {
        this(name, !layers.isEmpty() && layers.get(0) instanceof LayerSpec.InputLayer in ? in.shape() : Shape.IMAGE,
                layers, InputRange.UNIT);
    }

    /** The tutorial's network: Flatten(28x28) -> Dense 128 ReLU -> Dense 10 softmax, 101,770 parameters. */
    public static ModelSpec mlp() {
        return new ModelSpec("mlp", Shape.IMAGE_2D, List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(128, Activation.RELU),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    }

    /**
     * A small CNN: two blocks of 3x3 {@code same} convolution with ReLU and 2x2 max pooling (32 then 64
     * filters), Dense 128 ReLU, Dropout 0.3, Dense 10 softmax; 421,642 parameters. Meant to be trained for
     * {@link #CNN_EPOCHS} epochs at batch 32 (0.9218 test accuracy on the pure backend; 0.9161 after 5).
     */
    public static ModelSpec cnn() {
        return new ModelSpec("cnn", Shape.IMAGE, List.of(
                LayerSpec.Conv2D.same(32, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
                LayerSpec.Conv2D.same(64, 3, Activation.RELU), new LayerSpec.MaxPooling2D(2),
                new LayerSpec.Flatten(), new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dropout(0.3),
                new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX)));
    }

    /** A named preset. @throws InvalidInputException naming the known presets */
    public static ModelSpec preset(String name) {
        return switch (name) {
            case "mlp" -> mlp();
            case "cnn" -> cnn();
            default -> throw new InvalidInputException("unknown model '" + name + "'; known: " + PRESETS);
        };
    }

    /** Every layer in place: Keras-style names, input and output shapes, parameters. */
    public List<LayerNode> nodes() {
        return resolve(inputShape, layers);
    }

    /** The shape of the model's output, {@code (10,)}. */
    public Shape outputShape() {
        List<LayerNode> nodes = nodes();
        return nodes.get(nodes.size() - 1).output();
    }

    /** Every parameter, trainable or not, in portable (file) order: layer by layer, Keras's weight order. */
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> out = new ArrayList<>();
        for (LayerNode n : nodes()) {
            out.addAll(n.parameters());
        }
        return out;
    }

    /** Names and shapes of {@link #parameters()}, in order. */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (ParameterSpec p : parameters()) {
            shapes.put(p.name(), p.shape());
        }
        return shapes;
    }

    /** The dense layers, in order. */
    public List<LayerSpec.Dense> denseLayers() {
        List<LayerSpec.Dense> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.Dense d) {
                out.add(d);
            }
        }
        return out;
    }

    /** Number of parameter values, trainable and not (Keras's "Total params"). */
    public long parameterCount() {
        return parameters().stream().mapToLong(ParameterSpec::size).sum();
    }

    /** Number of trainable parameter values. */
    public long trainableParameterCount() {
        return parameters().stream().filter(ParameterSpec::trainable).mapToLong(ParameterSpec::size).sum();
    }

    /** The description as fmnist's JSON object: {@code {name, input_shape, [input_range], layers}}. */
    public Map<String, Object> toJson() {
        return SpecJson.toJson(this);
    }

    /** The description as JSON text. */
    public String toJsonString() {
        return Json.writePretty(toJson());
    }

    /** Reads fmnist's JSON object (this version's or an older one's). */
    public static ModelSpec fromJson(Map<String, Object> m) {
        return SpecJson.fromJson(m);
    }

    /** Reads fmnist's JSON text. */
    public static ModelSpec fromJson(String json) {
        return fromJson(Json.parseObject(json));
    }

    /** A one-line summary such as {@code mlp: flatten -> dense(128, relu) -> dense(10, softmax)}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(name).append(": ");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i > 0 ? " -> " : "").append(SpecJson.brief(layers.get(i)));
        }
        return sb.toString();
    }

    private static List<LayerNode> resolve(Shape input, List<LayerSpec> layers) {
        List<LayerNode> nodes = new ArrayList<>(layers.size());
        Map<String, Integer> seen = new HashMap<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            int count = seen.merge(layer.type(), 1, Integer::sum) - 1;
            String name = count == 0 ? layer.type() : layer.type() + "_" + count;
            if (layer instanceof LayerSpec.InputLayer) {
                throw new InvalidInputException(LayerNode.describe(i, layer, name) + ": an InputLayer may only come first");
            }
            Shape out;
            List<ParameterSpec> params;
            try {
                out = layer.outputShape(shape);
                params = layer.parameters(name, shape);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(LayerNode.describe(i, layer, name) + ": " + e.getMessage(), e);
            }
            nodes.add(new LayerNode(i, name, layer, shape, out, params));
            shape = out;
        }
        return nodes;
    }

    private static void checkEnding(String name, List<LayerNode> nodes) {
        LayerNode last = nodes.get(nodes.size() - 1);
        LayerSpec l = last.layer();
        boolean softmax = l instanceof LayerSpec.Softmax
                || l instanceof LayerSpec.Dense d && d.activation() == Activation.SOFTMAX
                || l instanceof LayerSpec.ActivationLayer a && a.activation() == Activation.SOFTMAX;
        if (!softmax || !last.output().equals(Shape.of(FashionClass.COUNT))) {
            throw new InvalidInputException("model '" + name + "' must end with dense(" + FashionClass.COUNT
                    + ", softmax), or Dense(" + FashionClass.COUNT + ") and a Softmax layer, to give class "
                    + "probabilities; it ends with " + last.describe() + " giving " + last.output());
        }
    }
}
