package dev.fmnist.backend.tf.graph;

import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A Dropout layer's mask, fed with every training step: the factors the API's
 * {@link dev.fmnist.api.training.DropoutMasks} draws for the step, channels last like the layer's input.
 *
 * @param layer the Dropout layer's 0-based index in the model (part of the mask's key)
 * @param rate its rate
 * @param sampleSize values per sample
 * @param mask {@code [batch, ...]}: 0 or {@code 1 / (1 - rate)} per value
 */
public record DropoutInput(int layer, double rate, int sampleSize, Placeholder<TFloat32> mask) {
}
