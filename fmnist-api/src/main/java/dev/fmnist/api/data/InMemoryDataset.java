package dev.fmnist.api.data;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.error.InvalidDataException;
import java.util.Objects;

/**
 * A dataset held in two byte arrays: {@code size * 784} pixels and {@code size} labels. The arrays are
 * owned by the dataset after construction (not copied, never modified).
 */
public final class InMemoryDataset implements Dataset {
    private final String name;
    private final byte[] pixels;
    private final byte[] labels;

    /**
     * @param name a short name for messages and provenance
     * @param pixels {@code labels.length * 784} unsigned pixel bytes, image after image
     * @param labels one label (0..9) per image
     * @throws InvalidDataException if the lengths disagree or a label is out of range
     */
    public InMemoryDataset(String name, byte[] pixels, byte[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if ((long) labels.length * Images.PIXELS != pixels.length) {
            throw new InvalidDataException(name + ": " + pixels.length + " pixel bytes do not make "
                    + labels.length + " images of " + Images.PIXELS + " pixels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= FashionClass.COUNT) {
                throw new InvalidDataException(name + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (FashionClass.COUNT - 1));
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public void copyImage(int index, byte[] dst, int offset) {
        System.arraycopy(pixels, Objects.checkIndex(index, labels.length) * Images.PIXELS, dst, offset,
                Images.PIXELS);
    }
}
