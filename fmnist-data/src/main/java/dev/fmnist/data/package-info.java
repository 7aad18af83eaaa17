/**
 * Fashion-MNIST data: {@link dev.fmnist.data.FashionMnist} loads the four files; sub-packages read IDX
 * files ({@code idx}), find the files on this machine ({@code locate}) and fetch them from the
 * dataset's canonical location ({@code download}).
 */
package dev.fmnist.data;
