/** Keras model configurations: their layer structure in every variant Keras wrote, and their fmnist description. */
package dev.fmnist.keras.config;
