/**
 * {@code fmnist benchmark}: every backend measured side by side, each in its own child JVM, against the
 * targets set for it.
 */
package dev.fmnist.cli.bench;
