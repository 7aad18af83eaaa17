/** Keras weights onto fmnist's portable parameter layout, and back. */
package dev.fmnist.keras.mapping;
