/**
 * The backend SPI, after Deep Java Library's engine SPI: a cheap
 * {@link dev.fmnist.api.spi.BackendProvider} found by {@link java.util.ServiceLoader}, the
 * {@link dev.fmnist.api.spi.Backend} it creates on first use, and the
 * {@link dev.fmnist.api.spi.BackendRegistry} that lists providers and picks the default.
 */
package dev.fmnist.api.spi;
