package dev.fmnist.api.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16, item 13: a 16 MiB header of small objects must not cost hundreds of MB. */
class JsonBudgetTest {
    private static String objects(int count, String each) {
        StringBuilder sb = new StringBuilder(count * (each.length() + 1) + 2).append('[');
        for (int i = 0; i < count; i++) {
            sb.append(i > 0 ? "," : "").append(each);
        }
        return sb.append(']').toString();
    }

    @Test
    void aHeaderOfMillionsOfSmallObjectsIsRefusedByCount() {
        String header = objects((16 << 20) / 8, "{\"a\":0}"); // 16 MiB: 2 million objects
        assertThatThrownBy(() -> Json.parse(header)).isInstanceOf(JsonException.class)
                .hasMessageContaining("more than 200000 objects and arrays in one document");
        String arrays = objects((16 << 20) / 4, "[0]");
        assertThatThrownBy(() -> Json.parse(arrays)).hasMessageContaining("objects and arrays");
    }

    @Test
    void emptyObjectsShareOneMapAndManyRealObjectsStillParse() {
        List<?> empties = (List<?>) Json.parse(objects(1_000_000, "{}"));
        assertThat(empties).hasSize(1_000_000);
        assertThat(empties.get(0)).isSameAs(empties.get(999_999));
        assertThat((List<?>) Json.parse(objects(Json.MAX_CONTAINERS - 1, "{\"a\":0}"))).hasSize(Json.MAX_CONTAINERS - 1);
    }
}
