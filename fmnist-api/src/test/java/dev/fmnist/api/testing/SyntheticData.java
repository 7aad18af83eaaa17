package dev.fmnist.api.testing;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Images;
import dev.fmnist.api.data.InMemoryDataset;
import java.util.SplittableRandom;

/**
 * Small, deterministic, easily learnt datasets for tests: each class has a random prototype image,
 * and each sample is its class's prototype with noise. A seed always gives the same bytes.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** {@code size} images, labels cycling 0..9, drawn from {@code seed}. */
    public static InMemoryDataset blobs(String name, int size, long seed) {
        SplittableRandom prototypes = new SplittableRandom(1234);
        byte[][] proto = new byte[FashionClass.COUNT][Images.PIXELS];
        for (int c = 0; c < FashionClass.COUNT; c++) {
            for (int p = 0; p < Images.PIXELS; p++) {
                proto[c][p] = (byte) (prototypes.nextInt(100) < 25 ? 150 + prototypes.nextInt(106) : 0);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[size * Images.PIXELS];
        byte[] labels = new byte[size];
        for (int i = 0; i < size; i++) {
            int c = random.nextInt(FashionClass.COUNT);
            labels[i] = (byte) c;
            for (int p = 0; p < Images.PIXELS; p++) {
                int base = proto[c][p] & 0xff;
                int v = (int) (base * (0.5 + 0.5 * random.nextDouble())) + (random.nextInt(100) < 10
                        ? random.nextInt(120) : 0);
                pixels[i * Images.PIXELS + p] = (byte) Math.min(255, v);
            }
        }
        return new InMemoryDataset(name, pixels, labels);
    }

    /** The standard training set of the conformance kit: 2,000 images, seed 1. */
    public static InMemoryDataset train() {
        return blobs("synthetic/train", 2000, 1);
    }

    /** The standard test set of the conformance kit: 500 images, seed 2. */
    public static InMemoryDataset test() {
        return blobs("synthetic/test", 500, 2);
    }
}
