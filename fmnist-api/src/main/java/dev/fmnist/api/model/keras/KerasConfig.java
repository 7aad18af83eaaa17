package dev.fmnist.api.model.keras;

import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.json.JsonException;
import dev.fmnist.api.json.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one Keras layer's {@code config}, failing with a message that names the layer. Tracks which
 * keys were read, so that {@link #rejectUnread()} can name any option fmnist does not know.
 */
final class KerasConfig {
    /** Keys every layer may carry that do not change what it computes. */
    private static final Set<String> COMMON = Set.of("name", "trainable", "dtype", "batch_input_shape",
            "batch_size", "input_shape", "input_dim", "seed");

    private final Map<String, Object> config;
    private final String where;
    private final java.util.Set<String> read = new java.util.HashSet<>(COMMON);

    KerasConfig(Map<String, Object> config, String where) {
        this.config = config;
        this.where = where;
        checkDtype();
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return config.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return config.get(key);
    }

    int integer(String key) {
        read.add(key);
        try {
            return JsonFields.smallInt(config, key);
        } catch (JsonException e) {
            throw fail(e.getMessage());
        }
    }

    double number(String key, double fallback) {
        read.add(key);
        try {
            return JsonFields.number(config, key, fallback);
        } catch (JsonException e) {
            throw fail(e.getMessage());
        }
    }

    boolean bool(String key, boolean fallback) {
        read.add(key);
        try {
            return JsonFields.bool(config, key, fallback);
        } catch (JsonException e) {
            throw fail(e.getMessage());
        }
    }

    String string(String key, String fallback) {
        read.add(key);
        try {
            return JsonFields.string(config, key, fallback);
        } catch (JsonException e) {
            throw fail(e.getMessage());
        }
    }

    /** An integer or a list of {@code n} integers (a Keras tuple), as {@code int[n]}. */
    int[] ints(String key, int n, int[] fallback) {
        Object v = raw(key);
        if (v == null) {
            if (fallback == null) {
                throw fail("missing option '" + key + "'");
            }
            return fallback;
        }
        int[] out = new int[n];
        if (v instanceof Long l) {
            java.util.Arrays.fill(out, Math.toIntExact(l));
            return out;
        }
        if (v instanceof List<?> list && list.size() == n) {
            for (int i = 0; i < n; i++) {
                if (!(list.get(i) instanceof Long x)) {
                    throw fail("option '" + key + "' must hold integers, got " + v);
                }
                out[i] = Math.toIntExact(x);
            }
            return out;
        }
        throw fail("option '" + key + "' must be an integer or " + n + " integers, got " + v);
    }

    /** An option that must be absent, null, or the one value fmnist runs. */
    void expect(String key, Object... allowed) {
        Object v = raw(key);
        if (v == null) {
            return;
        }
        for (Object a : allowed) {
            if (a.equals(v) || a instanceof Number n && v instanceof Number m && n.doubleValue() == m.doubleValue()
                    || a instanceof List<?> && a.equals(v)) {
                return;
            }
        }
        throw fail("option " + key + "=" + v + " is not supported" + (allowed.length == 0 ? " (only null)"
                : " (only " + List.of(allowed) + ")"));
    }

    /** Options that only set initial values; fmnist always starts from Keras's defaults. */
    void ignore(String... keys) {
        read.addAll(List.of(keys));
    }

    /** Fails naming the first key that was never read. */
    void rejectUnread() {
        for (String k : config.keySet()) {
            if (!read.contains(k)) {
                throw fail("unknown option '" + k + "'");
            }
        }
    }

    InvalidInputException fail(String message) {
        return new InvalidInputException(where + ": " + message);
    }

    private void checkDtype() {
        Object d = config.get("dtype");
        String name = d instanceof String s ? s
                : d instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> c && c.get("name") instanceof String s
                        ? s : d == null ? "float32" : String.valueOf(d);
        if (!name.equals("float32")) {
            throw fail("dtype '" + name + "' is not supported (only float32)");
        }
    }
}
