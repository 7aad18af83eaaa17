package dev.fmnist.api.model;

import dev.fmnist.api.FashionClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The class probabilities of one image.
 *
 * @param probabilities ten probabilities in label order
 */
public record Prediction(float[] probabilities) {

    /** One ranked class. */
    public record Ranked(FashionClass fashionClass, float probability) {
    }

    /** Row {@code index} of a {@code [n][10]} probability array. */
    public static Prediction of(float[] probabilities, int index) {
        float[] row = new float[FashionClass.COUNT];
        System.arraycopy(probabilities, index * FashionClass.COUNT, row, 0, FashionClass.COUNT);
        return new Prediction(row);
    }

    /** The most probable class. */
    public FashionClass best() {
        return FashionClass.ofLabel(argmax(probabilities, 0));
    }

    /** The {@code n} most probable classes, most probable first. */
    public List<Ranked> top(int n) {
        List<Ranked> all = new ArrayList<>();
        for (int c = 0; c < FashionClass.COUNT; c++) {
            all.add(new Ranked(FashionClass.ofLabel(c), probabilities[c]));
        }
        all.sort(Comparator.comparingDouble((Ranked r) -> r.probability).reversed());
        return all.subList(0, Math.max(0, Math.min(n, all.size())));
    }

    /** Index of the largest of the ten values of row {@code row} (the first on ties). */
    public static int argmax(float[] probabilities, int row) {
        int base = row * FashionClass.COUNT;
        int best = 0;
        for (int c = 1; c < FashionClass.COUNT; c++) {
            if (probabilities[base + c] > probabilities[base + best]) {
                best = c;
            }
        }
        return best;
    }
}
