package dev.fmnist.backend.tf.session;

import dev.fmnist.api.config.TrainingConfig;
import org.tensorflow.proto.ConfigProto;

/**
 * The sizes of a TensorFlow session's thread pools: intra-op threads split one kernel (a matrix product),
 * inter-op threads run independent kernels side by side.
 *
 * @param intraOp threads inside one op
 * @param interOp ops run at once
 */
public record Threads(int intraOp, int interOp) {

    public Threads {
        if (intraOp < 1 || interOp < 1) {
            throw new IllegalArgumentException("thread counts must be positive, got " + intraOp + "/" + interOp);
        }
    }

    /**
     * Threads for training. At small batches a step is a chain of small kernels, so extra threads mostly
     * add hand-over cost: with {@code threads == 0} (automatic) one intra-op and one inter-op thread are
     * used, which measured fastest at batch 32 on the development machine and makes training bit-for-bit
     * repeatable. An explicit thread count becomes the intra-op pool size.
     */
    public static Threads forTraining(TrainingConfig config) {
        return config.threads() == 0 ? new Threads(1, 1) : new Threads(config.threads(), 1);
    }

    /** Threads for inference: batches are large there, so every core splits the matrix products. */
    public static Threads forInference() {
        return new Threads(Runtime.getRuntime().availableProcessors(), 1);
    }

    /** The session configuration with these pool sizes. */
    ConfigProto toConfig() {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOp)
                .setInterOpParallelismThreads(interOp)
                .build();
    }
}
