package dev.fmnist.api.conformance;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.model.Activation;
import dev.fmnist.api.model.InputRange;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import dev.fmnist.api.model.Padding;
import dev.fmnist.api.model.Shape;
import dev.fmnist.api.model.Size2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Small networks that each use one layer type or option, for the conformance kit: a backend must either
 * run each (train and load it) or refuse it, through its capabilities, with
 * {@link dev.fmnist.api.error.UnsupportedModelException} naming the layer.
 */
public final class LayerCatalogue {
    private LayerCatalogue() {
    }

    /** The networks, each named after what it exercises. */
    public static List<ModelSpec> networks() {
        List<ModelSpec> out = new ArrayList<>();
        LayerSpec softmax = new LayerSpec.Dense(FashionClass.COUNT, Activation.SOFTMAX);
        LayerSpec flatten = new LayerSpec.Flatten();
        LayerSpec hidden = new LayerSpec.Dense(16, Activation.LINEAR);
        out.add(flat("dense-without-bias", List.of(flatten, new LayerSpec.Dense(10, Activation.SOFTMAX, false))));
        for (Activation a : List.of(Activation.RELU, Activation.LINEAR, Activation.TANH, Activation.SIGMOID)) {
            out.add(flat("dense-" + a.keyword(), List.of(flatten, new LayerSpec.Dense(16, a), softmax)));
        }
        out.add(flat("dense-softmax-hidden", List.of(flatten, new LayerSpec.Dense(16, Activation.SOFTMAX), softmax)));
        out.add(flat("flat-input", Shape.of(784), List.of(softmax)));
        out.add(flat("softmax-layer", List.of(flatten, new LayerSpec.Dense(10, Activation.LINEAR),
                new LayerSpec.Softmax())));
        out.add(flat("activation-softmax", List.of(flatten, new LayerSpec.Dense(10, Activation.LINEAR),
                new LayerSpec.ActivationLayer(Activation.SOFTMAX))));
        for (Activation a : List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID)) {
            out.add(flat("activation-" + a.keyword(), List.of(flatten, hidden, new LayerSpec.ActivationLayer(a),
                    softmax)));
        }
        out.add(flat("relu-layer", List.of(flatten, hidden, new LayerSpec.ReLU(), softmax)));
        out.add(flat("dropout", List.of(flatten, new LayerSpec.Dense(16, Activation.RELU), new LayerSpec.Dropout(0.5),
                softmax)));
        out.add(flat("batch-normalization-dense", List.of(flatten, hidden, new LayerSpec.BatchNormalization(),
                new LayerSpec.ReLU(), softmax)));
        out.add(flat("reshape", List.of(new LayerSpec.Reshape(Shape.of(784)), softmax)));
        out.add(new ModelSpec("rescaled-input", Shape.IMAGE_2D, List.of(flatten, softmax), new InputRange(1 / 127.5, -1)));
        out.add(image("conv2d-valid", List.of(new LayerSpec.Conv2D(2, 3, Activation.RELU), flatten, softmax)));
        out.add(image("conv2d-same", List.of(LayerSpec.Conv2D.same(2, 3, Activation.RELU), flatten, softmax)));
        out.add(image("conv2d-strides-2-odd-kernel", List.of(new LayerSpec.Conv2D(3, new Size2D(5, 3),
                Size2D.square(2), Padding.SAME, Activation.LINEAR, false), flatten, softmax)));
        out.add(image("conv2d-tanh", List.of(new LayerSpec.Conv2D(2, 3, Activation.TANH), flatten, softmax)));
        out.add(image("max-pooling-valid", List.of(new LayerSpec.MaxPooling2D(2), flatten, softmax)));
        out.add(image("max-pooling-same-3-stride-2", List.of(new LayerSpec.MaxPooling2D(Size2D.square(3),
                Size2D.square(2), Padding.SAME), flatten, softmax)));
        out.add(image("average-pooling", List.of(new LayerSpec.AveragePooling2D(Size2D.square(2), Size2D.square(2),
                Padding.VALID), flatten, softmax)));
        out.add(image("global-average-pooling", List.of(new LayerSpec.Conv2D(4, 3, Activation.RELU),
                new LayerSpec.GlobalAveragePooling2D(), softmax)));
        out.add(image("batch-normalization-conv", List.of(new LayerSpec.Conv2D(2, 3, Activation.LINEAR),
                new LayerSpec.BatchNormalization(), new LayerSpec.ReLU(), flatten, softmax)));
        out.add(image("batch-normalization-no-center-scale", List.of(new LayerSpec.Conv2D(2, 3, Activation.LINEAR),
                new LayerSpec.BatchNormalization(-1, 0.9, 1e-5, false, false), flatten, softmax)));
        out.add(image("dropout-on-image", List.of(new LayerSpec.Conv2D(2, 3, Activation.RELU),
                new LayerSpec.Dropout(0.25), flatten, softmax)));
        return out;
    }

    private static ModelSpec flat(String name, List<LayerSpec> layers) {
        return new ModelSpec(name, Shape.IMAGE_2D, layers);
    }

    private static ModelSpec flat(String name, Shape input, List<LayerSpec> layers) {
        return new ModelSpec(name, input, layers);
    }

    private static ModelSpec image(String name, List<LayerSpec> layers) {
        return new ModelSpec(name, Shape.IMAGE, layers);
    }
}
