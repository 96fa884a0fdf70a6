package io.meterflow.rating.api;

/**
 * A refused request, answered in the shape of the API it came to: WSME's
 * {@code {"faultcode", "faultstring", "debuginfo"}} on v1, {@code {"message"}} on v2.
 */
public final class CloudKittyError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public CloudKittyError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static CloudKittyError badRequest(String message) {
        return new CloudKittyError(400, message);
    }

    public static CloudKittyError notFound(String message) {
        return new CloudKittyError(404, message);
    }

    public static CloudKittyError conflict(String message) {
        return new CloudKittyError(409, message);
    }
}
