/**
 * A tiny fixed pool of daemon worker threads for steps that last a few hundred microseconds: the
 * caller takes part in every task, idle workers spin briefly before parking, and work is handed out
 * in chunks through a shared cursor. Which thread computes a chunk never changes its result.
 */
package dev.fmnist.backend.pure.parallel;
