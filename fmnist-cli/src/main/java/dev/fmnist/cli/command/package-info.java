/**
 * One picocli class per command ({@code train}, {@code evaluate}, {@code predict}, {@code show},
 * {@code report}, {@code backends}, {@code data}), sharing a {@link dev.fmnist.cli.command.CliContext}
 * (streams, environment, plugins, backend registry, data location).
 */
package dev.fmnist.cli.command;
