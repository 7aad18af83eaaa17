package dev.fmnist.api.model;

import dev.fmnist.api.error.InvalidInputException;
import java.util.List;

/**
 * One layer of a sequential model description, named and configured as in Keras (class names, config
 * keys, defaults). This file is the one place that knows each layer type's output-shape rule
 * ({@link #outputShape}), its parameters with their Keras names, shapes and trainability, and their initial
 * values ({@link #parameters}). A backend supplies only the arithmetic; see the package documentation.
 * Shape errors thrown here say what is wrong; {@link ModelSpec} adds the layer's position and name.
 */
public sealed interface LayerSpec {

    /** Keras's class name, such as {@code Conv2D} or {@code MaxPooling2D}. */
    String kerasClass();

    /**
     * The snake-case name Keras gives such a layer ({@code conv2d}, {@code max_pooling2d}); also the layer's
     * {@code type} in fmnist's JSON. Repeats are numbered {@code conv2d_1}, {@code conv2d_2}, ... in a model.
     */
    String type();

    /** The output shape for an input shape. @throws InvalidInputException if the layer cannot take it */
    Shape outputShape(Shape input);

    /** The layer's parameters in Keras's weight order, named {@code layerName/weight}. Most layers have none. */
    default List<ParameterSpec> parameters(String layerName, Shape input) {
        return List.of();
    }

    /** The model's input; only allowed first, where {@link ModelSpec} takes its shape as the input shape. */
    record InputLayer(Shape shape) implements LayerSpec {
        public String kerasClass() {
            return "InputLayer";
        }

        public String type() {
            return "input_layer";
        }

        public Shape outputShape(Shape input) {
            return shape;
        }
    }

    /** Flattens height, width and channels, in that order (channels last, as Keras does). */
    record Flatten() implements LayerSpec {
        public String kerasClass() {
            return "Flatten";
        }

        public String type() {
            return "flatten";
        }

        public Shape outputShape(Shape input) {
            return Shape.of(input.size());
        }
    }

    /**
     * A fully connected layer on a vector. Parameters {@code kernel [in, units]} (Glorot uniform) and
     * {@code bias [units]} (zeros) when {@code useBias}.
     */
    record Dense(int units, Activation activation, boolean useBias) implements LayerSpec {
        public Dense {
            if (units <= 0) {
                throw new InvalidInputException("dense units must be positive, got " + units);
            }
            if (activation == null) {
                throw new InvalidInputException("dense layer needs an activation");
            }
        }

        /** With a bias, Keras's default. */
        public Dense(int units, Activation activation) {
            this(units, activation, true);
        }

        public String kerasClass() {
            return "Dense";
        }

        public String type() {
            return "dense";
        }

        public Shape outputShape(Shape input) {
            if (input.rank() != 1) {
                throw new InvalidInputException("Dense needs a flat input but gets " + input
                        + "; add a Flatten before it");
            }
            return Shape.of(units);
        }

        @Override
        public List<ParameterSpec> parameters(String layerName, Shape input) {
            int in = input.dim(0);
            ParameterSpec kernel = new ParameterSpec(layerName + "/kernel", new int[] {in, units}, true,
                    new Initializer.GlorotUniform(in, units));
            return useBias ? List.of(kernel, bias(layerName, units)) : List.of(kernel);
        }
    }

    /**
     * A 2-D convolution over a channels-last image. Parameters {@code kernel [kh, kw, in, filters]} (Glorot
     * uniform with fan-in {@code kh*kw*in}, fan-out {@code kh*kw*filters}) and {@code bias [filters]}.
     */
    record Conv2D(int filters, Size2D kernelSize, Size2D strides, Padding padding, Activation activation,
            boolean useBias) implements LayerSpec {
        public Conv2D {
            if (filters <= 0) {
                throw new InvalidInputException("conv2d filters must be positive, got " + filters);
            }
            if (kernelSize == null || strides == null || padding == null || activation == null) {
                throw new InvalidInputException("conv2d needs kernel_size, strides, padding and activation");
            }
        }

        /** A square kernel with Keras's defaults: stride 1, {@code valid} padding, a bias. */
        public Conv2D(int filters, int kernelSize, Activation activation) {
            this(filters, Size2D.square(kernelSize), Size2D.square(1), Padding.VALID, activation, true);
        }

        /** A square kernel, stride 1, {@code same} padding and a bias: the usual block of small CNNs. */
        public static Conv2D same(int filters, int kernelSize, Activation activation) {
            return new Conv2D(filters, Size2D.square(kernelSize), Size2D.square(1), Padding.SAME, activation, true);
        }

        public String kerasClass() {
            return "Conv2D";
        }

        public String type() {
            return "conv2d";
        }

        public Shape outputShape(Shape input) {
            requireImage(input, "Conv2D");
            return Shape.of(padding.out(input.dim(0), kernelSize.height(), strides.height(), "kernel height"),
                    padding.out(input.dim(1), kernelSize.width(), strides.width(), "kernel width"), filters);
        }

        @Override
        public List<ParameterSpec> parameters(String layerName, Shape input) {
            int area = kernelSize.height() * kernelSize.width();
            int in = input.dim(2);
            ParameterSpec kernel = new ParameterSpec(layerName + "/kernel",
                    new int[] {kernelSize.height(), kernelSize.width(), in, filters}, true,
                    new Initializer.GlorotUniform(area * in, area * filters));
            return useBias ? List.of(kernel, bias(layerName, filters)) : List.of(kernel);
        }
    }

    /** Max pooling; Keras's {@code strides} default to the pool size. */
    record MaxPooling2D(Size2D poolSize, Size2D strides, Padding padding) implements LayerSpec {
        public MaxPooling2D {
            checkPool(poolSize, strides, padding);
        }

        /** A square window with stride equal to it and {@code valid} padding. */
        public MaxPooling2D(int poolSize) {
            this(Size2D.square(poolSize), Size2D.square(poolSize), Padding.VALID);
        }

        public String kerasClass() {
            return "MaxPooling2D";
        }

        public String type() {
            return "max_pooling2d";
        }

        public Shape outputShape(Shape input) {
            return pooled(input, poolSize, strides, padding, kerasClass());
        }
    }

    /** Average pooling (with {@code same}, padded positions are left out of the average, as in Keras). */
    record AveragePooling2D(Size2D poolSize, Size2D strides, Padding padding) implements LayerSpec {
        public AveragePooling2D {
            checkPool(poolSize, strides, padding);
        }

        public String kerasClass() {
            return "AveragePooling2D";
        }

        public String type() {
            return "average_pooling2d";
        }

        public Shape outputShape(Shape input) {
            return pooled(input, poolSize, strides, padding, kerasClass());
        }
    }

    /** The mean of each channel over height and width: {@code (h, w, c)} to {@code (c)}. */
    record GlobalAveragePooling2D() implements LayerSpec {
        public String kerasClass() {
            return "GlobalAveragePooling2D";
        }

        public String type() {
            return "global_average_pooling2d";
        }

        public Shape outputShape(Shape input) {
            requireImage(input, kerasClass());
            return Shape.of(input.dim(2));
        }
    }

    /** Reinterprets the values in row-major order as another shape of the same size. */
    record Reshape(Shape targetShape) implements LayerSpec {
        public String kerasClass() {
            return "Reshape";
        }

        public String type() {
            return "reshape";
        }

        public Shape outputShape(Shape input) {
            if (input.size() != targetShape.size()) {
                throw new InvalidInputException("cannot reshape " + input + " (" + input.size() + " values) to "
                        + targetShape);
            }
            return targetShape;
        }
    }

    /**
     * Inverted dropout in training only: each value is kept with probability {@code 1 - rate} and then scaled
     * by {@code 1 / (1 - rate)}; identity at inference. Masks come from {@link DropoutMasks}.
     */
    record Dropout(double rate) implements LayerSpec {
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new InvalidInputException("dropout rate must be in [0, 1), got " + rate);
            }
        }

        public String kerasClass() {
            return "Dropout";
        }

        public String type() {
            return "dropout";
        }

        public Shape outputShape(Shape input) {
            return input;
        }
    }

    /**
     * Batch normalisation over the last axis ({@code axis = -1}, the channels). In training the batch's
     * mean and (biased) variance normalise and {@code moving = moving * momentum + batch * (1 - momentum)},
     * as Keras 3 does; at inference the moving statistics do: {@code y = gamma * (x - mean) / sqrt(var +
     * epsilon) + beta}. Parameters, in Keras's order: {@code gamma} (ones, if {@code scale}), {@code beta} (zeros, if
     * {@code center}), then the non-trainable {@code moving_mean} (zeros) and {@code moving_variance} (ones).
     */
    record BatchNormalization(int axis, double momentum, double epsilon, boolean center, boolean scale)
            implements LayerSpec {
        public BatchNormalization {
            if (axis != -1) {
                throw new InvalidInputException("BatchNormalization supports axis -1 (channels last) only, got "
                        + axis);
            }
            if (!(momentum >= 0 && momentum <= 1) || !(epsilon > 0)) {
                throw new InvalidInputException("BatchNormalization needs momentum in [0, 1] and epsilon > 0");
            }
        }

        /** Keras's defaults: axis -1, momentum 0.99, epsilon 0.001, center and scale. */
        public BatchNormalization() {
            this(-1, 0.99, 1e-3, true, true);
        }

        public String kerasClass() {
            return "BatchNormalization";
        }

        public String type() {
            return "batch_normalization";
        }

        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public List<ParameterSpec> parameters(String layerName, Shape input) {
            int[] c = {input.dim(-1)};
            List<ParameterSpec> out = new java.util.ArrayList<>();
            if (scale) {
                out.add(new ParameterSpec(layerName + "/gamma", c, true, Initializer.ONES));
            }
            if (center) {
                out.add(new ParameterSpec(layerName + "/beta", c, true, Initializer.ZEROS));
            }
            out.add(new ParameterSpec(layerName + "/moving_mean", c, false, Initializer.ZEROS));
            out.add(new ParameterSpec(layerName + "/moving_variance", c, false, Initializer.ONES));
            return List.copyOf(out);
        }
    }

    /** An activation function as a layer of its own (Keras's {@code Activation}). */
    record ActivationLayer(Activation activation) implements LayerSpec {
        public ActivationLayer {
            if (activation == null) {
                throw new InvalidInputException("Activation layer needs an activation");
            }
        }

        public String kerasClass() {
            return "Activation";
        }

        public String type() {
            return "activation";
        }

        public Shape outputShape(Shape input) {
            if (activation == Activation.SOFTMAX && input.rank() != 1) {
                throw new InvalidInputException("softmax is supported on a flat input only, got " + input);
            }
            return input;
        }
    }

    /** Keras's {@code ReLU} layer with its defaults (no max value, no negative slope, threshold 0). */
    record ReLU() implements LayerSpec {
        public String kerasClass() {
            return "ReLU";
        }

        public String type() {
            return "re_lu";
        }

        public Shape outputShape(Shape input) {
            return input;
        }
    }

    /** Keras's {@code Softmax} layer over the last axis of a flat input. */
    record Softmax() implements LayerSpec {
        public String kerasClass() {
            return "Softmax";
        }

        public String type() {
            return "softmax";
        }

        public Shape outputShape(Shape input) {
            if (input.rank() != 1) {
                throw new InvalidInputException("Softmax is supported on a flat input only, got " + input);
            }
            return input;
        }
    }

    private static ParameterSpec bias(String layerName, int n) {
        return new ParameterSpec(layerName + "/bias", new int[] {n}, true, Initializer.ZEROS);
    }

    private static void requireImage(Shape input, String layer) {
        if (!input.isImage()) {
            throw new InvalidInputException(layer + " needs an image input (height, width, channels) but gets "
                    + input + (input.rank() == 2 ? "; give the model the input shape (28, 28, 1)" : ""));
        }
    }

    private static void checkPool(Size2D poolSize, Size2D strides, Padding padding) {
        if (poolSize == null || strides == null || padding == null) {
            throw new InvalidInputException("pooling needs pool_size, strides and padding");
        }
    }

    private static Shape pooled(Shape input, Size2D pool, Size2D strides, Padding padding, String layer) {
        requireImage(input, layer);
        return Shape.of(padding.out(input.dim(0), pool.height(), strides.height(), "pool height"),
                padding.out(input.dim(1), pool.width(), strides.width(), "pool width"), input.dim(2));
    }
}
