package dev.fmnist.api.io;

/**
 * What a reader may need besides the file: the network for a weights-only file, and the pixel range the
 * model was trained on when the file does not say.
 *
 * @param architecture a preset name or the path of a JSON description (fmnist's or a Keras {@code to_json()});
 *     null when the file carries its own
 * @param inputRange the pixel range the model expects, {@code "0-1"} or {@code "0-255"}; null for what the file
 *     says (or [0, 1])
 */
public record ReadOptions(String architecture, String inputRange) {

    /** No architecture, no declared input range. */
    public static ReadOptions none() {
        return new ReadOptions(null, null);
    }
}
