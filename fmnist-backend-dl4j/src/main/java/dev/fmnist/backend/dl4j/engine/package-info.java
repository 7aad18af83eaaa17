/**
 * The running backend, {@link dev.fmnist.backend.dl4j.engine.Dl4jBackend}: reached by the provider only by
 * class name, so that ND4J is loaded when the backend is first used and never when backends are listed.
 */
package dev.fmnist.backend.dl4j.engine;
