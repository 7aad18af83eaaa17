/** A dependency-free JSON codec used by the model file, the model description and {@code --json} output. */
package dev.fmnist.api.json;
