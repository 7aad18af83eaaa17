package dev.fmnist.api.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\n\tname \u0001");
        m.put("seed", Long.MAX_VALUE);
        m.put("lr", 1e-7);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1L, 2.5, "x", List.of(), Map.of()));
        for (String text : List.of(Json.write(m), Json.writePretty(m))) {
            assertThat(Json.parse(text)).isEqualTo(m);
        }
    }

    @Test
    void reportsWhereTheTextIsBroken() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("offset 11");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Json.parse("[".repeat(100))).hasMessageContaining("nested deeper");
    }

    @Test
    void typedFieldsNameWhatIsWrong() {
        Map<String, Object> m = Json.parseObject("{\"n\": \"x\", \"big\": 99999999999}");
        assertThatThrownBy(() -> JsonFields.number(m, "n")).hasMessageContaining("field 'n' is not a number");
        assertThatThrownBy(() -> JsonFields.string(m, "missing")).hasMessageContaining("missing field 'missing'");
        assertThatThrownBy(() -> JsonFields.smallInt(m, "big")).hasMessageContaining("out of range");
    }
}
