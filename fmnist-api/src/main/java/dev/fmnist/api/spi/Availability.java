package dev.fmnist.api.spi;

/**
 * Whether a backend can run on this machine, decided without loading native code.
 *
 * @param available true if {@link BackendProvider#create()} is expected to succeed
 * @param reason why not, or a short note (such as the platform) when available
 */
public record Availability(boolean available, String reason) {

    /** Available. */
    public static Availability yes() {
        return new Availability(true, "");
    }

    /** Not available, for the given reason. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
