/**
 * What a model is, independent of any backend: the sequential description
 * ({@link dev.fmnist.api.model.ModelSpec}) of Keras-named layers ({@link dev.fmnist.api.model.LayerSpec}),
 * its parameters in the portable layout ({@link dev.fmnist.api.model.Weights}), Keras's initial values
 * ({@link dev.fmnist.api.model.Initializers}), what a backend can run
 * ({@link dev.fmnist.api.model.Capabilities}), Keras's summary table
 * ({@link dev.fmnist.api.model.ModelSummary}), provenance, and the {@link dev.fmnist.api.model.Model} a
 * backend returns. Keras's own JSON is read by {@link dev.fmnist.api.model.keras}.
 *
 * <h2>How a backend maps layers</h2>
 * <ol>
 * <li><b>Say what you run.</b> Build one {@link dev.fmnist.api.model.Capabilities} (per layer type, with a
 *     {@link dev.fmnist.api.model.Capabilities.Rule} for options you do not run) and return it from both
 *     {@code BackendProvider.capabilities()} (cheap: no natives) and {@code Backend.capabilities()}. Pass it to
 *     {@link dev.fmnist.api.training.SessionTrainer}, which refuses before drawing weights, and call
 *     {@code capabilities.require(spec, name)} first in {@code Backend.load}. The conformance kit checks that
 *     you run everything you claim and refuse the rest with
 *     {@link dev.fmnist.api.error.UnsupportedModelException}.</li>
 * <li><b>Walk {@link dev.fmnist.api.model.ModelSpec#nodes()}</b>, not {@code layers()}: each
 *     {@link dev.fmnist.api.model.LayerNode} gives the layer, its Keras name, its input and output
 *     {@link dev.fmnist.api.model.Shape} (channels last, no batch axis) and its
 *     {@link dev.fmnist.api.model.ParameterSpec}s. Never recompute shapes or parameter lists; switch on the
 *     sealed {@link dev.fmnist.api.model.LayerSpec} type and supply only the arithmetic.</li>
 * <li><b>Input.</b> Every backend receives images as {@code count * 784} floats in {@code [0, 1]}; that is
 *     the row-major layout of {@code (28, 28)}, {@code (28, 28, 1)} and {@code (784,)} alike. If
 *     {@link dev.fmnist.api.model.ModelSpec#inputRange()} is not {@link dev.fmnist.api.model.InputRange#UNIT}
 *     apply {@link dev.fmnist.api.model.InputRange#fromUnit(float)} first (or leave {@code anyInputRange()}
 *     out of your capabilities).</li>
 * <li><b>Parameters.</b> {@code weights.get(param.name())} (or {@code weights.data(param)}) for each
 *     {@link dev.fmnist.api.model.ParameterSpec} of a node, in Keras's layouts: Dense kernel
 *     {@code [in, units]}, Conv2D kernel {@code [kh, kw, in, filters]} (HWIO), bias {@code [n]},
 *     BatchNormalization {@code gamma, beta, moving_mean, moving_variance} (each {@code [channels]}; gamma and
 *     beta only when {@code scale} / {@code center}). Export them in the same names, shapes and order:
 *     {@code Model.weights()} must round-trip exactly. Non-trainable parameters
 *     ({@code ParameterSpec.trainable() == false}) are not touched by the optimiser.</li>
 * <li><b>Semantics are Keras's.</b> Flatten is H, W, C order; {@code same} padding puts the extra row and
 *     column after ({@link dev.fmnist.api.model.Padding#before}); pooling with {@code same} ignores padded
 *     cells (max ignores them, average divides by the cells inside); BatchNormalization uses the batch
 *     statistics (biased variance) in training and updates {@code moving = moving * momentum + batch *
 *     (1 - momentum)}, the moving statistics at inference; Dropout is inverted dropout in training only,
 *     with masks from {@link dev.fmnist.api.training.DropoutMasks} keyed by
 *     {@link dev.fmnist.api.training.StepContext} and the Dropout layer's {@code index} (then your results
 *     are bit-reproducible and the same on every backend that uses them).</li>
 * <li><b>The output</b> is always ten probabilities: the last layer is Dense(10, softmax), or a Softmax /
 *     Activation('softmax') layer after a Dense(10) (the description refuses anything else). The loss is
 *     sparse categorical cross-entropy on them.</li>
 * </ol>
 */
package dev.fmnist.api.model;
