package dev.fmnist.api;

import dev.fmnist.api.error.InvalidInputException;
import java.util.List;

/** The ten Fashion-MNIST classes, in label order (label 0 is T-shirt/top, label 9 is Ankle boot). */
public enum FashionClass {
    T_SHIRT_TOP("T-shirt/top"),
    TROUSER("Trouser"),
    PULLOVER("Pullover"),
    DRESS("Dress"),
    COAT("Coat"),
    SANDAL("Sandal"),
    SHIRT("Shirt"),
    SNEAKER("Sneaker"),
    BAG("Bag"),
    ANKLE_BOOT("Ankle boot");

    /** Number of classes. */
    public static final int COUNT = 10;

    private static final FashionClass[] BY_LABEL = values();
    private final String displayName;

    FashionClass(String displayName) {
        this.displayName = displayName;
    }

    /** The human-readable name used by the dataset's authors, e.g. {@code "Ankle boot"}. */
    public String displayName() {
        return displayName;
    }

    /** The integer label, 0 to 9. */
    public int label() {
        return ordinal();
    }

    /** The class for a label. @throws InvalidInputException if the label is outside 0..9 */
    public static FashionClass ofLabel(int label) {
        if (label < 0 || label >= COUNT) {
            throw new InvalidInputException("label " + label + " is outside 0.." + (COUNT - 1));
        }
        return BY_LABEL[label];
    }

    /** The ten display names in label order. */
    public static List<String> displayNames() {
        return List.of(BY_LABEL).stream().map(FashionClass::displayName).toList();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
