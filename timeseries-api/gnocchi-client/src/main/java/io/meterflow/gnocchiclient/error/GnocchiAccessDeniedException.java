package io.meterflow.gnocchiclient.error;

/** HTTP 401 or 403: the identity is missing (401) or not allowed to do this (403). */
public final class GnocchiAccessDeniedException extends GnocchiApiException {

    private static final long serialVersionUID = 1L;

    public GnocchiAccessDeniedException(int status, String title, GnocchiErrorDescription description) {
        super(status, title, description);
    }
}
