/** Turning exceptions into one line on stderr and an exit code. */
package dev.fmnist.cli.error;
