/**
 * One classification path for every front end: a {@link dev.fmnist.data.classify.Classifier} takes pictures
 * (files, encoded bytes, decoded images or 28x28 pixels), prepares them with
 * {@link dev.fmnist.data.image.ImagePreprocessor}, scales and batches them into one prediction, and returns
 * each picture's top classes together with the preprocessing applied. The CLI's {@code predict}, the HTTP
 * server and embedding applications all use it.
 */
package dev.fmnist.data.classify;
