package dev.fmnist.backend.pure.layer;

import dev.fmnist.api.model.Activation;

/** Element-wise activations and their derivatives, computed from the output. Plain loops: same bits on every kernel set. */
final class Act {
    private Act() {
    }

    /** Applies {@code a} to {@code v[off..off+len)} in place (softmax is the loss's job and is not applied here). */
    static void apply(Activation a, float[] v, int off, int len) {
        switch (a) {
            case RELU -> {
                for (int i = off; i < off + len; i++) {
                    v[i] = Math.max(v[i], 0f);
                }
            }
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
    static void backward(Activation a, float[] y, float[] d, int off, int len) {
        switch (a) {
            case RELU -> {
                for (int i = off; i < off + len; i++) {
                    d[i] = y[i] > 0 ? d[i] : 0f;
                }
            }
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
