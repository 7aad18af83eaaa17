/**
 * Turning arbitrary picture files (PNG, JPEG, GIF, BMP) into Fashion-MNIST's 28x28 form:
 * {@link dev.fmnist.data.image.ImagePreprocessor} does what the dataset's authors did to their product
 * photos (grey, light-on-dark, trimmed, longest side scaled to 28, centred).
 */
package dev.fmnist.data.image;
