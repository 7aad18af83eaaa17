package dev.fmnist.api.data;

import dev.fmnist.api.error.InvalidInputException;
import java.util.Objects;

/** A contiguous view of another dataset. */
class SlicedDataset implements Dataset {
    private final Dataset base;
    private final int from;
    private final int size;

    /** A view of {@code base}, keeping its files' fingerprint for provenance when it has one. */
    static Dataset of(Dataset base, int from, int to) {
        return base instanceof Fingerprinted f ? new FingerprintedSlice(base, from, to, f.sha256())
                : new SlicedDataset(base, from, to);
    }

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

    /** A slice of data read from known files: the files, and so their SHA-256, are the slice's source too. */
    private static final class FingerprintedSlice extends SlicedDataset implements Fingerprinted {
        private final String sha256;

        FingerprintedSlice(Dataset base, int from, int to, String sha256) {
            super(base, from, to);
            this.sha256 = sha256;
        }

        @Override
        public String sha256() {
            return sha256;
        }
    }
}
