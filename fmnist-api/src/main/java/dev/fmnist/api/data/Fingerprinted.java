package dev.fmnist.api.data;

/** A dataset that knows the SHA-256 of the files it was read from, for provenance. */
public interface Fingerprinted {

    /** Lower-case hex SHA-256 over the dataset's source files. */
    String sha256();
}
