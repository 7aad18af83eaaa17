/** Guice wiring: {@link dev.fmnist.guice.FmnistModule} binds the ServiceLoader-built backend registry. */
package dev.fmnist.guice;
