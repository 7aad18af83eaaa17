/**
 * The running backend and ND4J's start-up: native libraries, float32 defaults and thread limits. The first
 * package of this module that touches ND4J; the provider reaches it only by class name.
 */
package dev.fmnist.backend.dl4j.runtime;
