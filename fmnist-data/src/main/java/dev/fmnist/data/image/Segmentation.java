package dev.fmnist.data.image;

import java.util.List;

/**
 * Finds the garment in a contrast map (how far each pixel is from the background, in the object's
 * direction): Otsu's threshold on the pixels that stand out of the noise at all gives the strong level
 * (splitting a shadow from the garment, not the background from both), a weaker level (a fraction of it, but
 * above the noise and the caller's floor) the extent; a light opening removes specks, a closing bridges
 * seams, hysteresis keeps the weak components that hold strong pixels, and the largest of those (holes
 * filled) is the garment. A soft shadow stays below the weak level; frames along the picture's edges are
 * skipped.
 *
 * @param mask the garment's pixels (holes filled, grown by one pixel), or null when none was found
 * @param x left edge of the garment's bounding box
 * @param y top edge
 * @param width box width
 * @param height box height
 * @param several whether other objects of comparable size were found
 * @param touchesBorder whether the garment reaches the edge of the picture
 */
record Segmentation(PackedMask mask, int x, int y, int width, int height, boolean several, boolean touchesBorder) {
    /** The weak level as a fraction of the strong one: shadows and haze below it are background. */
    static final float WEAK_FRACTION = 0.4f;
    /** Pixels within this many noise deviations of the background are background. */
    static final float NOISE_DEVIATIONS = 4f;
    /** Another object this large relative to the garment counts as a second object. */
    static final float SECOND_OBJECT = 0.2f;

    boolean found() {
        return mask != null;
    }

    static Segmentation find(float[] contrast, int w, int h, double noise, float floor) {
        float base = Math.max(floor, (float) (NOISE_DEVIATIONS * noise));
        float strong = Math.max(Otsu.threshold(Otsu.histogramAbove(contrast, base)), floor);
        float weak = Math.max(base, WEAK_FRACTION * strong);
        strong = Math.max(strong, weak);
        int r = Math.max(1, Math.round(Math.min(w, h) / 200f));
        PackedMask clean = Morphology.openThenClose(PackedMask.above(contrast, weak, w, h), r, 2 * r);
        Components components = Components.of(clean, contrast, strong);
        List<Components.Component> candidates = components.list.stream()
                .filter(Components.Component::strong)
                .filter(c -> !isFrame(c, w, h))
                .toList();
        if (candidates.isEmpty()) {
            return new Segmentation(null, 0, 0, w, h, false, false);
        }
        Components.Component garment = candidates.get(0);
        boolean several = candidates.size() > 1 && candidates.get(1).area() >= SECOND_OBJECT * garment.area();
        PackedMask mask = components.mask(garment.label()).fillHoles().dilate(1);
        return new Segmentation(mask, garment.minX(), garment.minY(), garment.width(), garment.height(), several,
                garment.touchesBorder(w, h));
    }

    /** A thin outline along three or four edges (a frame, a vignette, the edge of a table), not an object. */
    private static boolean isFrame(Components.Component c, int w, int h) {
        int sides = (c.minX() == 0 ? 1 : 0) + (c.minY() == 0 ? 1 : 0) + (c.maxX() == w - 1 ? 1 : 0)
                + (c.maxY() == h - 1 ? 1 : 0);
        return sides >= 3 && c.area() < 0.3 * c.width() * c.height();
    }
}
