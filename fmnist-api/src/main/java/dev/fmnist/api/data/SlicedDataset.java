package dev.fmnist.api.data;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Objects;

/** A contiguous view of another dataset. */
final class SlicedDataset implements Dataset {
    private final Dataset base;
    private final int from;
    private final int size;

    SlicedDataset(Dataset base, int from, int to) {
        this.base = Objects.requireNonNull(base, "base");
        if (from < 0 || to > base.size() || from > to) {
            throw new InvalidInputException("slice [" + from + ", " + to + ") is outside " + base.name()
                    + " of size " + base.size());
        }
        this.from = from;
        this.size = to - from;
    }

    @Override
    public String name() {
        return base.name() + "[" + from + ":" + (from + size) + "]";
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int label(int index) {
        return base.label(from + Objects.checkIndex(index, size));
    }

    @Override
    public void copyImage(int index, byte[] dst, int offset) {
        base.copyImage(from + Objects.checkIndex(index, size), dst, offset);
    }
}
