package dev.fmnist.backend.tf.session;

import dev.fmnist.api.config.TrainingConfig;
import org.tensorflow.proto.ConfigProto;

/**
 * The sizes of a TensorFlow session's thread pools: intra-op threads split one kernel (a matrix product),
 * inter-op threads run independent kernels side by side.
 *
 * <p>TensorFlow 2.18 creates the intra-op pool once per process, sized by the first session; later sessions
 * share it whatever they ask for (seen by counting the process's threads). Inter-op pools are made per
 * session here ({@code use_per_session_threads}), so that setting is honoured every time. Both policies
 * below therefore ask for the same intra-op size in the common case, all cores, so whichever session comes
 * first sizes the pool sensibly.
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
     * Threads for training: {@link TrainingConfig#effectiveThreads()} intra-op threads and one inter-op
     * thread. The network is a chain of kernels, so a second inter-op thread finds nothing to run in parallel
     * and only adds hand-over cost; small batch-32 products stay on one thread inside Eigen anyway.
     */
    public static Threads forTraining(TrainingConfig config) {
        return new Threads(config.effectiveThreads(), 1);
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
                .setUsePerSessionThreads(true)
                .build();
    }
}
