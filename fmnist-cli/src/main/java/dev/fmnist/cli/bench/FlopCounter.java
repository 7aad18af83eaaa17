package dev.fmnist.cli.bench;

import dev.fmnist.api.model.LayerNode;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;

/**
 * Counts the multiply-add arithmetic of training a network, from its Dense and Conv2D layers (the rest is
 * a rounding error): per image, {@code 2*macs} FLOP forward per layer, where {@code macs} is
 * {@code in*units} for Dense and {@code outH*outW*filters*kh*kw*in} for Conv2D; the same again for each
 * layer's kernel gradient, and again for the gradient of each layer's input except the first such layer (no
 * gradient is needed for the pixels). For the tutorial's network: 203,264 forward + 205,824 backward =
 * 409,088 FLOP per image, 24.5 GFLOP per epoch.
 */
public final class FlopCounter {
    private FlopCounter() {
    }

    /** Forward and backward FLOP for one image. */
    public static long trainingFlopsPerImage(ModelSpec spec) {
        long flops = 0;
        boolean first = true;
        for (LayerNode n : spec.nodes()) {
            long macs = macs(n);
            if (macs > 0) {
                flops += 2 * macs + 2 * macs + (first ? 0 : 2 * macs);
                first = false;
            }
        }
        return flops;
    }

    /** Forward FLOP for one image. */
    public static long inferenceFlopsPerImage(ModelSpec spec) {
        long flops = 0;
        for (LayerNode n : spec.nodes()) {
            flops += 2 * macs(n);
        }
        return flops;
    }

    private static long macs(LayerNode n) {
        if (n.layer() instanceof LayerSpec.Dense d) {
            return (long) n.input().size() * d.units();
        }
        if (n.layer() instanceof LayerSpec.Conv2D c) {
            return (long) n.output().size() * c.kernelSize().height() * c.kernelSize().width() * n.input().dim(-1);
        }
        return 0;
    }
}
