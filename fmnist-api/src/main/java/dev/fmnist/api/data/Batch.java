package dev.fmnist.api.data;

import dev.fmnist.api.error.InvalidInputException;

/**
 * A reusable buffer for one batch: scaled images, labels and the raw bytes they came from. The
 * training loop fills the same instance for every step, so nothing is allocated per batch. Backends
 * read {@link #images()} (row-major {@code [count][784]}) or {@link #raw()}, and {@link #labels()}; only
 * the first {@link #count()} entries are valid.
 *
 * <p>The images are scaled from the bytes on the first call of {@link #images()} after a fill, so a
 * backend that reads only the bytes does not pay for it. Like the loop that fills it, a batch belongs to
 * one thread at a time.
 */
public final class Batch {
    private final int capacity;
    private final float[] images;
    private final byte[] raw;
    private final int[] labels;
    private final byte[] scratch = new byte[Images.PIXELS];
    private int count;
    /** Whether {@link #images} holds the current bytes scaled. */
    private boolean scaled;

    /** A buffer for up to {@code capacity} images. */
    public Batch(int capacity) {
        if (capacity <= 0) {
            throw new InvalidInputException("batch capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.images = new float[capacity * Images.PIXELS];
        this.raw = new byte[capacity * Images.PIXELS];
        this.labels = new int[capacity];
    }

    /** Fills the buffer with {@code count} images of {@code data}, taken at {@code order[from..]}. */
    public void fill(Dataset data, int[] order, int from, int count) {
        if (count > capacity) {
            throw new InvalidInputException("batch of " + count + " exceeds capacity " + capacity);
        }
        for (int i = 0; i < count; i++) {
            int index = order[from + i];
            data.copyImage(index, raw, i * Images.PIXELS);
            labels[i] = data.label(index);
        }
        this.count = count;
        this.scaled = false;
    }

    /** Fills batch {@code b} of a plan. */
    public void fill(Dataset data, BatchPlan plan, int b) {
        fill(data, plan.order(), plan.start(b), plan.count(b));
    }

    /**
     * Fills batch {@code b} of epoch {@code epoch}'s plan, each image transformed by {@code augmentation}
     * with the draw for (seed, epoch, its position in the epoch); no augmentation when it is null.
     */
    public void fill(Dataset data, BatchPlan plan, int b, Augmentation augmentation, long seed, int epoch) {
        int from = plan.start(b);
        int n = plan.count(b);
        if (augmentation == null) {
            fill(data, plan.order(), from, n);
            return;
        }
        if (n > capacity) {
            throw new InvalidInputException("batch of " + n + " exceeds capacity " + capacity);
        }
        int[] order = plan.order();
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            data.copyImage(index, raw, i * Images.PIXELS);
            augmentation.apply(raw, i * Images.PIXELS, scratch, Augmentation.key(seed, epoch, from + i));
            labels[i] = data.label(index);
        }
        this.count = n;
        this.scaled = false;
    }

    public int capacity() {
        return capacity;
    }

    /** Valid images in the buffer. */
    public int count() {
        return count;
    }

    /** Scaled pixels, {@code [capacity][784]}; the first {@code count} rows are valid. */
    public float[] images() {
        if (!scaled) {
            Images.scale(raw, 0, images, 0, count * Images.PIXELS);
            scaled = true;
        }
        return images;
    }

    /** Raw pixel bytes matching {@link #images()}; backends may use them to skip blank pixels. */
    public byte[] raw() {
        return raw;
    }

    /** Labels; the first {@code count} are valid. */
    public int[] labels() {
        return labels;
    }
}
