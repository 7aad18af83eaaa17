/**
 * Images drawn with Java2D: single images scaled up crisply (nearest neighbour) in a colour map, grids of
 * labelled images, prediction grids in the style of the TensorFlow tutorial's {@code plot_image} and
 * {@code plot_value_array}, and text renderings for terminals (Unicode half blocks or plain ASCII).
 */
package dev.fmnist.viz.image;
