/**
 * The arithmetic of the pure backend behind one small interface, {@link dev.fmnist.backend.pure.kernel.Kernels}:
 * a Vector API implementation (AVX-512 here) and a plain scalar one that computes every lane in the
 * same order with the same fused multiply-adds, so both give the same bits. {@link
 * dev.fmnist.backend.pure.kernel.KernelSelector} picks one at run time without loading the Vector API
 * classes when the incubator module is absent.
 */
package dev.fmnist.backend.pure.kernel;
