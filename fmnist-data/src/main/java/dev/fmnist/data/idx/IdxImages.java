package dev.fmnist.data.idx;

/**
 * The contents of an IDX image file.
 *
 * @param count number of images
 * @param rows rows per image
 * @param cols columns per image
 * @param pixels {@code count * rows * cols} unsigned bytes, image after image, row by row
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
}
