package dev.fmnist.api.internal.json;

import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON objects, failing with a message that names the missing field. */
public final class JsonFields {
    private JsonFields() {
    }

    public static Object required(Map<String, Object> obj, String key) {
        if (!obj.containsKey(key) || obj.get(key) == null) {
            throw new JsonException("missing field '" + key + "'");
        }
        return obj.get(key);
    }

    public static String string(Map<String, Object> obj, String key) {
        if (required(obj, key) instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string");
    }

    public static String string(Map<String, Object> obj, String key, String fallback) {
        return obj.get(key) == null ? fallback : string(obj, key);
    }

    public static double number(Map<String, Object> obj, String key) {
        if (required(obj, key) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number");
    }

    public static double number(Map<String, Object> obj, String key, double fallback) {
        return obj.get(key) == null ? fallback : number(obj, key);
    }

    public static long integer(Map<String, Object> obj, String key) {
        if (required(obj, key) instanceof Long n) {
            return n;
        }
        throw wrongType(key, "an integer");
    }

    public static int smallInt(Map<String, Object> obj, String key) {
        long v = integer(obj, key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new JsonException("field '" + key + "' is out of range: " + v);
        }
        return (int) v;
    }

    public static boolean bool(Map<String, Object> obj, String key, boolean fallback) {
        Object v = obj.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> obj, String key) {
        if (required(obj, key) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw wrongType(key, "an object");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> obj, String key) {
        if (required(obj, key) instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw wrongType(key, "an array");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new JsonException(what + " is not a JSON object");
    }

    private static JsonException wrongType(String key, String expected) {
        return new JsonException("field '" + key + "' is not " + expected);
    }
}
