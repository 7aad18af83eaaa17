/**
 * Text that came from files (model provenance, layer and model names, Keras names, picture file names) made
 * safe to print on a terminal or in a page: control characters escaped, length bounded.
 */
package dev.fmnist.api.text;
