package dev.fmnist.viz;

import java.awt.Color;

/**
 * The few colours every picture shares, so a right answer looks the same in a grid, a bar chart and a
 * report. Blue and red are matplotlib's defaults, as in the TensorFlow tutorial's {@code plot_value_array}.
 */
public final class Palette {
    /** A correct prediction, and the true class's bar. */
    public static final Color CORRECT = new Color(31, 119, 180);
    /** A wrong prediction: its caption, border and bar. */
    public static final Color WRONG = new Color(214, 39, 40);
    /** Bars of the classes that are neither predicted nor true. */
    public static final Color NEUTRAL = new Color(119, 119, 119);
    /** Plain text. */
    public static final Color TEXT = new Color(34, 34, 34);
    /** Picture background. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Training series in curves. */
    public static final Color TRAIN = CORRECT;
    /** Validation series in curves. */
    public static final Color VALIDATION = new Color(255, 127, 14);

    private Palette() {
    }
}
