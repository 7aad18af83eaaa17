/** Writing Keras files: {@code .h5} as Keras 2's {@code model.save} writes it, {@code .keras} as Keras 3's. */
package dev.fmnist.keras.write;
