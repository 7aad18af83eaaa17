/** The four published Fashion-MNIST files: names and checksums. */
package dev.fmnist.data.files;
