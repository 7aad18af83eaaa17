package dev.fmnist.keras.container;

import dev.fmnist.keras.hdf5.FloatArray;
import java.util.List;

/**
 * The stored weights of one Keras layer, in the order Keras keeps them (kernel then bias; gamma, beta,
 * moving mean, moving variance).
 *
 * @param layer the layer's name (or its path in the file) for messages
 * @param arrays its weights, in order
 */
public record LayerArrays(String layer, List<FloatArray> arrays) {

    public LayerArrays {
        arrays = List.copyOf(arrays);
    }
}
