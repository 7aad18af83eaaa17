package dev.fmnist.api.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A small, strict JSON codec (RFC 8259) so the API needs no dependency. Objects map to
 * {@code Map<String, Object>} (in insertion order; a duplicate key is an error), arrays to
 * {@code List<Object>}, integral numbers that fit to {@link Long}, other numbers (and integers beyond
 * {@code long}) to {@link Double}, plus {@link String}, {@link Boolean} and {@code null}. The writer
 * refuses what the reader would refuse (NaN, infinities, arrays it does not know), so every document it
 * writes reads back; -0.0 stays -0.0.
 */
public final class Json {
    private static final int MAX_DEPTH = 64;
    /**
     * Non-empty objects and arrays one document may hold: each costs a map or list (about 100 bytes for a
     * few input bytes), so 16 MiB of {@code [{"a":0},...]} would otherwise take hundreds of MB. A model
     * header, a Keras configuration or a request of thousands of pictures needs far fewer.
     */
    static final int MAX_CONTAINERS = 200_000;

    private Json() {
    }

    /** Parses one JSON value. @throws JsonException naming the offset of the first problem */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected trailing text");
        }
        return value;
    }

    /** Parses a JSON object. @throws JsonException if the text is not a JSON object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** Compact JSON for a value built from maps, lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1, 0);
        return out.toString();
    }

    /** Indented JSON (two spaces), for files people read. */
    public static String writePretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 2, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int indent, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new JsonException("cannot write " + d + ": JSON has no NaN or infinity");
            } else if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
                out.append("-0.0");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d).append(".0");
            } else {
                out.append(d);
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, indent, level + 1);
                quote(String.valueOf(e.getKey()), out);
                out.append(indent >= 0 ? ": " : ":");
                write(e.getValue(), out, indent, level + 1);
            }
            if (!map.isEmpty()) {
                newline(out, indent, level);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            boolean any = false;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                any = true;
                newline(out, indent, level + 1);
                write(item, out, indent, level + 1);
            }
            if (any) {
                newline(out, indent, level);
            }
            out.append(']');
        } else if (value instanceof int[] ints) {
            write(IntStream.of(ints).boxed().toList(), out, -1, level);
        } else if (value instanceof long[] longs) {
            write(LongStream.of(longs).boxed().toList(), out, -1, level);
        } else if (value instanceof double[] doubles) {
            write(DoubleStream.of(doubles).boxed().toList(), out, -1, level);
        } else if (value instanceof float[] floats) {
            List<Float> boxed = new ArrayList<>(floats.length);
            for (float f : floats) {
                boxed.add(f);
            }
            write(boxed, out, -1, level);
        } else if (value.getClass().isArray()) {
            throw new JsonException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
        } else {
            quote(value.toString(), out);
        }
    }

    private static void newline(StringBuilder out, int indent, int level) {
        if (indent >= 0) {
            out.append('\n');
            out.append(" ".repeat(indent * level));
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Parser {
        private final String text;
        private int pos;
        private int containers;

        Parser(String text) {
            this.text = text;
        }

        private void countContainer() {
            if (++containers > MAX_CONTAINERS) {
                throw error("more than " + MAX_CONTAINERS + " objects and arrays in one document");
            }
        }

        JsonException error(String what) {
            return new JsonException("invalid JSON at offset " + pos + ": " + what);
        }

        void skipSpace() {
            while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return Map.of(); // shared: a header of many {} costs no map each
            }
            countContainer();
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                int keyAt = pos;
                String key = string();
                if (map.containsKey(key)) {
                    pos = keyAt;
                    throw error("duplicate key '" + key + "'");
                }
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value(depth + 1));
                skipSpace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return List.of();
            }
            countContainer();
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("truncated \\u escape");
                            }
                            String hex = text.substring(pos, pos + 4);
                            if (!hex.chars().allMatch(h -> Character.digit(h, 16) >= 0 && h < 0x80)) {
                                throw error("bad \\u escape '" + hex + "'");
                            }
                            sb.append((char) Integer.parseInt(hex, 16));
                            pos += 4;
                        }
                        default -> throw error("bad escape '\\" + e + "'");
                    }
                } else if (c < 0x20) {
                    pos--;
                    throw error("raw control character U+" + String.format("%04X", (int) c) + " in a string");
                } else {
                    sb.append(c);
                }
            }
        }

        /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, nothing more. */
        private Number number() {
            int start = pos;
            boolean integral = true;
            accept('-');
            if (!accept('0')) {
                if (pos >= text.length() || text.charAt(pos) < '1' || text.charAt(pos) > '9') {
                    pos = start;
                    throw error(pos < text.length() ? "unexpected character '" + text.charAt(pos) + "'"
                            : "unexpected end");
                }
                digits();
            }
            if (accept('.')) {
                integral = false;
                requireDigits(start);
            }
            if (accept('e') || accept('E')) {
                integral = false;
                if (!accept('+')) {
                    accept('-');
                }
                requireDigits(start);
            }
            String s = text.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException beyondLong) {
                    return Double.parseDouble(s);
                }
            }
            return Double.parseDouble(s);
        }

        private boolean accept(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void digits() {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
        }

        private void requireDigits(int start) {
            int before = pos;
            digits();
            if (pos == before) {
                throw error("bad number '" + text.substring(start, pos) + "': a digit must follow");
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("expected '" + c + "'");
            }
        }
    }
}
