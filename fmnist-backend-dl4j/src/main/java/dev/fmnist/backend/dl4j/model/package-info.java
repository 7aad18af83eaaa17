/** Trained models on DL4J: {@link dev.fmnist.backend.dl4j.model.Dl4jModel}. */
package dev.fmnist.backend.dl4j.model;
