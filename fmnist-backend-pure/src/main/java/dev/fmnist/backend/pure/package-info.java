/**
 * The pure-Java backend ({@code pure}): the default, native-free and reference backend. Its
 * {@link dev.fmnist.backend.pure.PureBackendProvider} is found by {@link java.util.ServiceLoader};
 * training runs through the API's {@link dev.fmnist.api.training.SessionTrainer} with a
 * {@link dev.fmnist.backend.pure.PureSession}, and trained or loaded networks are
 * {@link dev.fmnist.backend.pure.PureModel}s. The arithmetic lives in the {@code kernel}, {@code nn},
 * {@code optim} and {@code parallel} sub-packages.
 */
package dev.fmnist.backend.pure;
