/** Ctrl-C during training: stop after the current batch and save, rather than lose the run. */
package dev.fmnist.cli.signal;
