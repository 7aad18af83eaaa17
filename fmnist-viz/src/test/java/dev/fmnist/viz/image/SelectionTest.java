package dev.fmnist.viz.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fmnist.api.FashionClass;
import dev.fmnist.api.data.Dataset;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private final Dataset data = SyntheticData.blobs("sel", 100, 5);

    @Test
    void firstAndOfClass() {
        assertThat(Selection.first(data, 3)).containsExactly(0, 1, 2);
        assertThat(Selection.first(data, 500)).hasSize(100);
        int[] bags = Selection.ofClass(data, FashionClass.BAG, 4);
        assertThat(bags).hasSizeLessThanOrEqualTo(4).isSorted();
        assertThat(Arrays.stream(bags).map(data::label)).containsOnly(FashionClass.BAG.label());
    }

    @Test
    void randomIsSeededDistinctAndSorted() {
        int[] a = Selection.random(data, 20, 9);
        assertThat(a).hasSize(20).isSorted().doesNotHaveDuplicates();
        assertThat(Selection.random(data, 20, 9)).isEqualTo(a);
        assertThat(Selection.random(data, 20, 10)).isNotEqualTo(a);
    }

    @Test
    void misclassifiedFindsTheWrongRows() {
        float[] p = new float[10 * FashionClass.COUNT];
        for (int i = 0; i < 10; i++) {
            int predicted = i == 3 || i == 7 ? (data.label(i) + 1) % 10 : data.label(i);
            p[i * FashionClass.COUNT + predicted] = 1;
        }
        assertThat(Selection.misclassified(data, p, 10)).containsExactly(3, 7);
        assertThat(Selection.misclassified(data, p, 1)).containsExactly(3);
    }

    @Test
    void parsesIndicesAndRanges() {
        assertThat(Selection.parse("0..3, 7,9..9", data)).containsExactly(0, 1, 2, 3, 7, 9);
        assertThatThrownBy(() -> Selection.parse("5..2", data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> Selection.parse("99..100", data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> Selection.parse("a", data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not an image index");
        assertThatThrownBy(() -> Selection.parse(" , ", data)).isInstanceOf(InvalidInputException.class);
    }
}
