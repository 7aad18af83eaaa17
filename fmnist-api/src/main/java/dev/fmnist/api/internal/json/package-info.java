/**
 * Internal, not public API: the dependency-free JSON codec behind the model file, the model description
 * and the CLI's {@code --json} output. Only fmnist's own modules may use it (an ArchUnit rule checks
 * this); it may change or go away in any release.
 */
package dev.fmnist.api.internal.json;
