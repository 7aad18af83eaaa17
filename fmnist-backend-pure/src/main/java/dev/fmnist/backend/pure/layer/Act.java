package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;
import dev.fmnist.backend.pure.kernel.Kernels;

/**
 * Element-wise activations and their derivatives, computed from the output: ReLU on the kernels (vector
 * compares, not a branch per value), the others in plain loops; the same bits on every kernel set.
 */
final class Act {
    private Act() {
    }

    /** Applies {@code a} to {@code v[off..off+len)} in place (softmax is the loss's job and is not applied here). */
    static void apply(Kernels k, Activation a, float[] v, int off, int len) {
        switch (a) {
            case RELU -> k.relu(v, off, len);
            case SIGMOID -> {
                for (int i = off; i < off + len; i++) {
                    v[i] = (float) (1 / (1 + Math.exp(-(double) v[i])));
                }
            }
            case TANH -> {
                for (int i = off; i < off + len; i++) {
                    v[i] = (float) Math.tanh(v[i]);
                }
            }
            case LINEAR, SOFTMAX -> {
                // identity here
            }
        }
    }

    /** Turns the gradient {@code d} with respect to the output {@code y} into the gradient before the activation. */
    static void backward(Kernels k, Activation a, float[] y, float[] d, int off, int len) {
        switch (a) {
            case RELU -> k.reluBackward(d, off, y, off, len);
            case SIGMOID -> {
                for (int i = off; i < off + len; i++) {
                    d[i] = d[i] * (y[i] * (1 - y[i]));
                }
            }
            case TANH -> {
                for (int i = off; i < off + len; i++) {
                    d[i] = d[i] * (1 - y[i] * y[i]);
                }
            }
            case LINEAR, SOFTMAX -> {
                // identity here
            }
        }
    }
}
