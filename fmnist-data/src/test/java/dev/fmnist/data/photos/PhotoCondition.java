package dev.fmnist.data.photos;

/** The ways a generated photo differs from a dataset image; each has its own accuracy test. */
public enum PhotoCondition {
    /** Dark garment on a white studio background with a faint gradient, sensor noise, JPEG quality 40. */
    STUDIO_WHITE("dark on white studio background, noise, JPEG q40"),
    /** Dark garment on a grey background with a strong gradient, noise, JPEG quality 40. */
    GREY_GRADIENT("dark on grey, strong gradient, noise, JPEG q40"),
    /** As the studio photo, with a soft drop shadow. */
    SHADOW("soft shadow on grey gradient, noise, JPEG q40"),
    /** A phone JPEG stored sideways or mirrored, with the EXIF orientation tag (all eight values in turn). */
    EXIF_ORIENTATION("phone JPEG stored turned, EXIF orientation 1-8, q40"),
    /** Saturated coloured garments on white or grey. */
    COLOURED("coloured garment on white or grey, noise, JPEG q40"),
    /** The garment away from the centre, smaller in the frame. */
    OFF_CENTRE("off-centre, smaller in the frame, JPEG q40"),
    /** The garment turned by up to 4 degrees either way. */
    ROTATED("rotated by up to 4 degrees, JPEG q40"),
    /** The garment mirrored left to right (the other shoe of the pair). */
    MIRRORED("mirrored left to right, JPEG q40"),
    /** A 12-megapixel photo. */
    LARGE("3000x4000 photo, JPEG q40"),
    /** A thumbnail: the garment 24 pixels tall. */
    SMALL("thumbnail, garment about 24 pixels, PNG"),
    /** A cut-out PNG: the garment on transparency. */
    ALPHA("cut-out on transparency, PNG"),
    /** A light garment on a dark background, as the dataset itself. */
    LIGHT_ON_DARK("light garment on dark grey, noise, JPEG q40");

    private final String description;

    PhotoCondition(String description) {
        this.description = description;
    }

    /** For tables. */
    public String description() {
        return description;
    }
}
