package dev.fmnist.backend.pure.layer;

/**
 * One parameter tensor of an op in Keras's layout, updated in place. Trainable tensors get a gradient
 * buffer when their network is opened for training and an optimizer slot ({@link #slot});
 * BatchNormalization's moving statistics have neither, nor does any tensor of a network that only predicts.
 */
public final class Param {
    final String name;
    final int[] shape;
    final float[] data;
    /** Null until {@link #allocateGradient} (so a network opened for inference holds none). */
    float[] grad;
    final boolean trainable;
    int slot = -1;

    Param(String name, int[] shape, boolean trainable) {
        this.name = name;
        this.shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        this.data = new float[Math.toIntExact(n)];
        this.trainable = trainable;
    }

    /** Gives a trainable tensor its gradient buffer, once. */
    void allocateGradient() {
        if (trainable && grad == null) {
            grad = new float[data.length];
        }
    }

    /** The tensor's name, such as {@code conv2d/kernel}. */
    public String name() {
        return name;
    }

    /** Its shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Its values, shared: written by training. */
    public float[] data() {
        return data;
    }

    /** Whether the optimizer updates it. */
    public boolean trainable() {
        return trainable;
    }
}
