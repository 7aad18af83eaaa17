package dev.fmnist.data.image;

/** A grey image as floats, 0 (black) to 255 (white), row by row; mutable, for the preprocessing steps. */
final class GreyImage {
    final int width;
    final int height;
    final float[] v;

    GreyImage(int width, int height) {
        this(width, height, new float[width * height]);
    }

    GreyImage(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.v = values;
    }

    float at(int x, int y) {
        return v[y * width + x];
    }

    /** The region {@code [x, x+w) x [y, y+h)} as a new image. */
    GreyImage crop(int x, int y, int w, int h) {
        GreyImage out = new GreyImage(w, h);
        for (int r = 0; r < h; r++) {
            System.arraycopy(v, (y + r) * width + x, out.v, r * w, w);
        }
        return out;
    }
}
