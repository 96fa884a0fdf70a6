package io.meterflow.reports.api;

/** A request the API refuses with 400, naming the field that is wrong and why. */
public final class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
