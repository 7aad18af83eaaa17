/**
 * ND4J's start-up: native libraries, float32 defaults and the thread limits that make small batches fast.
 */
package dev.fmnist.backend.dl4j.runtime;
