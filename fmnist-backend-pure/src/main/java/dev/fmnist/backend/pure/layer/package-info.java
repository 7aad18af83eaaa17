/**
 * The layer-general engine: a network is a sequence of {@link dev.fmnist.backend.pure.layer.Op}s over
 * channels-last batches (convolution, dense, pooling, batch normalisation, dropout, activations,
 * reshapes), each with its forward pass, its input gradient and its parameter gradients with the
 * optimizer update fused in. Every phase is split between threads by items whose float sums are computed
 * whole by one thread in a fixed order, so the results do not depend on the thread count.
 */
package dev.fmnist.backend.pure.layer;
