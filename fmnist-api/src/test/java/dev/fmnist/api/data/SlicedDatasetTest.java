package dev.fmnist.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fmnist.api.testing.SyntheticData;
import org.junit.jupiter.api.Test;

class SlicedDatasetTest {
    /** A data set read from files whose SHA-256 is known. */
    private static final class FromFiles extends ForwardingDataset implements Fingerprinted {
        FromFiles(Dataset base) {
            super(base);
        }

        @Override
        public String sha256() {
            return "ab".repeat(32);
        }
    }

    private static class ForwardingDataset implements Dataset {
        private final Dataset base;

        ForwardingDataset(Dataset base) {
            this.base = base;
        }

        @Override
        public String name() {
            return base.name();
        }

        @Override
        public int size() {
            return base.size();
        }

        @Override
        public int label(int index) {
            return base.label(index);
        }

        @Override
        public void copyImage(int index, byte[] dst, int offset) {
            base.copyImage(index, dst, offset);
        }
    }

    @Test
    void aSliceKeepsTheFingerprintOfTheFilesItCameFrom() {
        Dataset slice = new FromFiles(SyntheticData.train()).slice(100, 200);

        assertThat(slice).isInstanceOf(Fingerprinted.class);
        assertThat(((Fingerprinted) slice).sha256()).isEqualTo("ab".repeat(32));
        assertThat(slice.name()).endsWith("[100:200]");
        assertThat(slice.label(0)).isEqualTo(SyntheticData.train().label(100));
    }

    @Test
    void aSliceOfUnfingerprintedDataClaimsNoFingerprint() {
        assertThat(new ForwardingDataset(SyntheticData.train()).slice(0, 10)).isNotInstanceOf(Fingerprinted.class);
    }
}
