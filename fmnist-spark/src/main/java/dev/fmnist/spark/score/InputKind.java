package dev.fmnist.spark.score;

/** What a scored column holds. */
public enum InputKind {
    /** An encoded picture file (PNG, JPEG, ...), prepared as {@code fmnist predict} prepares files. */
    ENCODED_PICTURE,
    /** 784 unsigned pixels in Fashion-MNIST's form (as the IDX files hold them), used as they are. */
    RAW_PIXELS
}
