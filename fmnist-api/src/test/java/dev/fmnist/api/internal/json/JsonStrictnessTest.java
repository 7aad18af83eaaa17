package dev.fmnist.api.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8259 and nothing else: what JSON forbids is refused, and the writer never emits what the reader refuses. */
class JsonStrictnessTest {
    @ParameterizedTest
    @ValueSource(strings = {"01", "+1", ".5", "1.", "-", "1e", "1e+", "-01", "0x10", "1.e3", "--1", "Infinity", "NaN",
        "\"a\u0001b\"", "\"tab\there\"", "\"\\u+041\"", "\"\\u00g1\"", "\"\\u12\"", "\u000b1", "\u20281", "[1,]",
        "{\"a\":1,}", "{\"a\":1,\"a\":2}", "[1 2]", "tru", "\"unterminated"})
    void refusesWhatJsonForbids(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void duplicateKeysAreNamed() {
        assertThatThrownBy(() -> Json.parse("{\"version\": 1, \"version\": 99}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate key 'version'");
    }

    @Test
    void acceptsWhatJsonAllows() {
        assertThat(Json.parse(" \t\r\n[0, -0, 1e5, 1E-5, -1.5e+3, 0.25, \"\\u0041\\/\"]\n"))
                .isEqualTo(List.of(0L, 0L, 1e5, 1e-5, -1.5e3, 0.25, "A/"));
    }

    @Test
    void integersBeyondLongBecomeDoubles() {
        assertThat(Json.parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void nonFiniteNumbersAreNotWritten() {
        assertThatThrownBy(() -> Json.write(Map.of("loss", Double.NaN))).isInstanceOf(JsonException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Json.write(List.of(Float.POSITIVE_INFINITY))).isInstanceOf(JsonException.class)
                .hasMessageContaining("Infinity");
    }

    @Test
    void negativeZeroSurvivesARoundTrip() {
        Object back = Json.parse(Json.write(List.of(-0.0)));
        assertThat(Double.doubleToRawLongBits((Double) ((List<?>) back).get(0)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void floatArraysAreWrittenAsNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", new float[] {0.5f, -2f});
        assertThat(Json.write(m)).isEqualTo("{\"f\":[0.5,-2.0]}");
        assertThatThrownBy(() -> Json.write(List.of((Object) new Object[] {1}))).isInstanceOf(JsonException.class);
    }

    @Test
    void controlCharactersAreEscapedOnWrite() {
        String s = "a\u0000b\u001f\u2028";
        assertThat(Json.parse(Json.write(s))).isEqualTo(s);
    }
}
