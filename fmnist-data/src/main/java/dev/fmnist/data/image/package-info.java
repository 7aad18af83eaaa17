/**
 * Turning picture files (PNG, JPEG baseline/progressive/CMYK, GIF, BMP, TIFF, WebP) and real photos into
 * Fashion-MNIST's 28x28 form: {@link dev.fmnist.data.image.ImagePreprocessor} decodes safely and upright
 * ({@code ImageDecoder}, {@code OrientationReader}, {@link dev.fmnist.data.image.Orientation}), converts to
 * grey ({@code GreyConversion}), models the background ({@code BackgroundModel}, {@code Polarity}), finds the
 * garment ({@code Otsu}, {@code Morphology}, {@code Components}, {@code Segmentation}), fits it as the
 * dataset's authors did ({@code DatasetFit}, {@code Resampler}, {@code Facing}) and reports
 * {@link dev.fmnist.data.image.ImageWarning}s in the {@link dev.fmnist.data.image.PreparedImage}.
 */
package dev.fmnist.data.image;
