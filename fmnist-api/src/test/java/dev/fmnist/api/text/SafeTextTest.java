package dev.fmnist.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void aNewlineCannotForgeALineAndAnEscapeCannotReachTheTerminal() {
        String printed = SafeText.of("1.0\nfmnist: forged\u001b[2J\r\u0085\u2028\u202e\t\u007f");

        assertThat(printed).isEqualTo("1.0\\nfmnist: forged\\e[2J\\r\\u0085\\u2028\\u202e\\t\\u007f");
        assertThat(printed.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))).isEmpty();
    }

    @Test
    void plainTextAndOtherScriptsStayAsTheyAre() {
        assertThat(SafeText.of("dense_1 (Dense) Größe 寸法 😀")).isEqualTo("dense_1 (Dense) Größe 寸法 😀");
        assertThat(SafeText.of(null)).isEqualTo("null");
    }

    @Test
    void longTextIsCutAtACodePointAndSaysHowMuchIsLeft() {
        assertThat(SafeText.of("a".repeat(1_000_000))).hasSize(SafeText.DEFAULT_LIMIT + "...(999800 more characters)".length())
                .endsWith("...(999800 more characters)");
        assertThat(SafeText.of("ab😀😀", 3)).isEqualTo("ab😀...(1 more character)");
        assertThat(SafeText.of("abc", 3)).isEqualTo("abc");
    }

    @Test
    void escapeAloneDoesNotBound() {
        assertThat(SafeText.escape("x".repeat(500) + "\n")).hasSize(502).endsWith("\\n");
    }
}
