package io.meterflow.reports.api;

/** 404: no such invoice, account or issuer (or none the caller may see). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
