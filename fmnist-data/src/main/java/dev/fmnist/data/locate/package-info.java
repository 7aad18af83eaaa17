/** Finding the Fashion-MNIST files: --data, FMNIST_DATA, ~/.fmnist/data, then Debian's package. */
package dev.fmnist.data.locate;
