package dev.fmnist.backend.tf.session;

import dev.fmnist.api.config.TrainingConfig;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * The sizes of a TensorFlow session's thread pools: intra-op threads split one kernel (a matrix product),
 * inter-op threads run kernels, and concurrent runs, side by side.
 *
 * <p>TensorFlow 2.18 creates the intra-op pool once per process, sized by the first session; later sessions
 * share it whatever they ask for (seen by counting the process's threads). Inter-op pools are made per
 * session here ({@code use_per_session_threads}), so that setting is honoured every time. fmnist therefore
 * keeps the intra-op pool at one thread by default, which measured fastest for batch-32 training, and
 * spreads inference over the cores with concurrent runs on the inter-op pool instead (see
 * {@link GraphRunner#predict}).
 *
 * @param intraOp threads inside one op
 * @param interOp ops, or runs, at once
 */
public record Threads(int intraOp, int interOp) {
    /** Intra-op threads for training a convolutional network: two cores here. */
    public static final int CONV_INTRA_OP = 2;

    public Threads {
        if (intraOp < 1 || interOp < 1) {
            throw new IllegalArgumentException("thread counts must be positive, got " + intraOp + "/" + interOp);
        }
    }

    /**
     * Threads for training a dense stack. A step at a small batch is a chain of small kernels: extra threads
     * only add hand-over cost and contention, so {@code threads == 0} (automatic) gives one intra-op and one
     * inter-op thread. An explicit count becomes the intra-op size (effective only if this is the process's
     * first session, see above).
     */
    public static Threads forTraining(TrainingConfig config) {
        return new Threads(config.threads() == 0 ? 1 : config.threads(), 1);
    }

    /**
     * Threads for training {@code spec}. A convolution is a large kernel per step that splits well (oneDNN
     * runs it on every intra-op thread), so a network with a Conv2D gets {@link #CONV_INTRA_OP} intra-op
     * threads when the count is automatic; anything else gets {@link #forTraining(TrainingConfig)}'s one.
     */
    public static Threads forTraining(TrainingConfig config, ModelSpec spec) {
        if (config.threads() == 0 && spec.layers().stream().anyMatch(l -> l instanceof LayerSpec.Conv2D)) {
            return new Threads(CONV_INTRA_OP, 1);
        }
        return forTraining(config);
    }

    /** Threads for inference: one intra-op thread, and one concurrent run per core. */
    public static Threads forInference() {
        return new Threads(1, Runtime.getRuntime().availableProcessors());
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
