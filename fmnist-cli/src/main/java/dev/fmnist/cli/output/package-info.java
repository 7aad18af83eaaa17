/**
 * What the CLI prints: Keras-like training progress (a bar on a terminal, a line per epoch in logs), tables,
 * JSON documents and files written atomically.
 */
package dev.fmnist.cli.output;
