/**
 * Backend plugins: jars from {@code --plugins DIR}, {@code FMNIST_PLUGINS} and the {@code plugins/} folder
 * beside the installed CLI, loaded into one shared class loader (native libraries cannot be loaded by two
 * sibling loaders) in which {@link java.util.ServiceLoader} finds their backend providers.
 */
package dev.fmnist.cli.plugin;
