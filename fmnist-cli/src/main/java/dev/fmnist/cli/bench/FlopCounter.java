package dev.fmnist.cli.bench;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.model.LayerSpec;
import dev.fmnist.api.model.ModelSpec;

/**
 * Counts the multiply-add arithmetic of training a dense network: per image, {@code 2*in*out} FLOP
 * forward per layer, the same again for each layer's weight gradient, and again for the gradient of
 * each layer's input except the first (no gradient is needed for the pixels). For the tutorial's
 * network: 203,264 forward + 205,824 backward = 409,088 FLOP per image, 24.5 GFLOP per epoch.
 */
public final class FlopCounter {
    private FlopCounter() {
    }

    /** Forward and backward FLOP for one image. */
    public static long trainingFlopsPerImage(ModelSpec spec) {
        long flops = 0;
        int width = Images.PIXELS;
        boolean first = true;
        for (LayerSpec.Dense d : spec.denseLayers()) {
            long macs = (long) width * d.units();
            flops += 2 * macs + 2 * macs + (first ? 0 : 2 * macs);
            first = false;
            width = d.units();
        }
        return flops;
    }

    /** Forward FLOP for one image. */
    public static long inferenceFlopsPerImage(ModelSpec spec) {
        long flops = 0;
        int width = Images.PIXELS;
        for (LayerSpec.Dense d : spec.denseLayers()) {
            flops += 2L * width * d.units();
            width = d.units();
        }
        return flops;
    }
}
