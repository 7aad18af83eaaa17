package dev.fmnist.data.image;

/**
 * Which way the object differs from its background. Fashion-MNIST is light on black (its photos were dark
 * garments on white, negated); a photo may be either. The side whose pixels clearly off the background
 * (beyond {@code level}) carry more total contrast wins; on a tie the background's brightness decides.
 */
enum Polarity {
    /** A darker object on a lighter background: the usual product photo, negated to match the dataset. */
    DARK_ON_LIGHT,
    /** A lighter object on a darker background, as the dataset itself. */
    LIGHT_ON_DARK;

    /**
     * The two sides' contrast summed over the residuals {@code grey - background} (those beyond {@code level}
     * only), one by one as the caller computes them, and the polarity they give.
     */
    static final class Tally {
        private final float level;
        private double darker;
        private double lighter;

        Tally(float level) {
            this.level = level;
        }

        void add(float r) {
            if (r < -level) {
                darker -= r;
            } else if (r > level) {
                lighter += r;
            }
        }

        Polarity polarity(double backgroundMean) {
            if (darker == lighter) {
                return backgroundMean > 127.5 ? DARK_ON_LIGHT : LIGHT_ON_DARK;
            }
            return darker > lighter ? DARK_ON_LIGHT : LIGHT_ON_DARK;
        }
    }

    /** +1 when the object is lighter, -1 when darker: residual times sign is the object's contrast. */
    int sign() {
        return this == LIGHT_ON_DARK ? 1 : -1;
    }
}
