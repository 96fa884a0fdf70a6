package io.meterflow.reports.api;

/** A request the current state refuses with 409: an issued invoice, a period not fully rated. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
