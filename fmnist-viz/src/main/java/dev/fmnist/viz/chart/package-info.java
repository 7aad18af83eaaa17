/**
 * Charts: training curves and the probability bar chart with JFreeChart, and the confusion matrix as a
 * labelled heatmap drawn with Java2D (exact cell geometry and readable counts in every cell).
 */
package dev.fmnist.viz.chart;
