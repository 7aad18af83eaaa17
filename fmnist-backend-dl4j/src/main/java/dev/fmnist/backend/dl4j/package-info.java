/**
 * The Deeplearning4j backend: {@link dev.fmnist.backend.dl4j.Dl4jBackendProvider}, found by
 * {@link java.util.ServiceLoader} under the name {@code dl4j}. This package never touches ND4J, so listing
 * backends stays cheap; the backend itself lives in {@code engine}, ND4J's start-up and threads in
 * {@code runtime}, the network mapping in {@code network}, training in {@code training} and trained models
 * in {@code model}.
 */
package dev.fmnist.backend.dl4j;
