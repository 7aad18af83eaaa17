/**
 * The {@code fmnist} command line: {@link dev.fmnist.cli.Main} wires picocli commands
 * ({@code command}) to output formatting ({@code output}), plugin loading ({@code plugin}), error
 * reporting ({@code error}) and Ctrl-C handling ({@code signal}). Backends are reached only through the
 * API's SPI.
 */
package dev.fmnist.cli;
