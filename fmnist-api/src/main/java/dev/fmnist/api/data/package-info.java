/**
 * Images and batches: the {@link dev.fmnist.api.data.Dataset} contract, an in-memory implementation,
 * seeded batch order ({@link dev.fmnist.api.data.BatchPlan}) and the reusable
 * {@link dev.fmnist.api.data.Batch} buffer the training loop fills.
 */
package dev.fmnist.api.data;
