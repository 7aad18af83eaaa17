/**
 * Batch scoring: prediction columns added to a Spark {@code Dataset<Row>} of pictures or IDX images,
 * classified a batch at a time per partition ({@link dev.fmnist.spark.score.FmnistScoring}), the
 * {@code fmnist_classify} SQL function, and the {@link dev.fmnist.spark.score.ScoreJob} entry point.
 */
package dev.fmnist.spark.score;
