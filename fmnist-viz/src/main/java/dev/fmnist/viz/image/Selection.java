package dev.fmnist.viz.image;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.model.Prediction;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Picks which images of a dataset to draw: the first ones, a seeded sample, one class, the mistakes. */
public final class Selection {
    private Selection() {
    }

    /** The first {@code n} images (fewer if the dataset is smaller). */
    public static int[] first(Dataset data, int n) {
        return IntStream.range(0, Math.min(checkCount(n), data.size())).toArray();
    }

    /** {@code n} distinct images drawn with {@code seed}, in ascending order; a seed always gives the same. */
    public static int[] random(Dataset data, int n, long seed) {
        int size = data.size();
        int k = Math.min(checkCount(n), size);
        int[] all = IntStream.range(0, size).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    /** The first {@code n} images of one class. */
    public static int[] ofClass(Dataset data, FashionClass fashionClass, int n) {
        checkCount(n);
        return IntStream.range(0, data.size()).filter(i -> data.label(i) == fashionClass.label()).limit(n)
                .toArray();
    }

    /**
     * The first {@code n} images whose most probable class is not their label.
     *
     * @param probabilities {@code 10} probabilities per image, for images {@code 0, 1, ...} of {@code data}
     *     (may cover only the first images)
     */
    public static int[] misclassified(Dataset data, float[] probabilities, int n) {
        checkCount(n);
        int rows = Math.min(data.size(), probabilities.length / FashionClass.COUNT);
        return IntStream.range(0, rows).filter(i -> Prediction.argmax(probabilities, i) != data.label(i)).limit(n)
                .toArray();
    }

    /**
     * Parses a list of indices and inclusive ranges such as {@code "0..24,31,100..104"} (for command-line
     * options), checking each against the dataset.
     *
     * @throws InvalidInputException naming the bad part
     */
    public static int[] parse(String spec, Dataset data) {
        IntStream.Builder out = IntStream.builder();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dots = p.indexOf("..");
            int from = number(dots < 0 ? p : p.substring(0, dots), spec);
            int to = dots < 0 ? from : number(p.substring(dots + 2), spec);
            if (to < from) {
                throw new InvalidInputException("range '" + p + "' in '" + spec + "' runs backwards");
            }
            if (from < 0 || to >= data.size()) {
                throw new InvalidInputException("'" + p + "' is outside " + data.name() + " (0.." + (data.size() - 1)
                        + ")");
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        int[] indices = out.build().toArray();
        if (indices.length == 0) {
            throw new InvalidInputException("no image indices in '" + spec + "'; write e.g. 0..24,31");
        }
        return indices;
    }

    private static int number(String s, String spec) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + s.strip() + "' in '" + spec + "' is not an image index; write e.g. 0..24,31");
        }
    }

    private static int checkCount(int n) {
        if (n < 0) {
            throw new InvalidInputException("image count must not be negative, got " + n);
        }
        return n;
    }
}
