package dev.fmnist.spark.sweep;

import java.io.Serializable;

/**
 * One training configuration of a sweep.
 *
 * @param id a short name, unique in the sweep, used for the model file's name
 * @param model a preset name or the text of a JSON model description
 * @param modelLabel how the results table names the model (the preset or the file's name)
 * @param backend the backend to train on
 * @param learningRate Adam's learning rate
 * @param batchSize the batch size
 * @param epochs the number of epochs
 * @param seed the seed for weights and shuffling
 */
public record SweepPoint(String id, String model, String modelLabel, String backend, double learningRate,
        int batchSize, int epochs, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;
}
