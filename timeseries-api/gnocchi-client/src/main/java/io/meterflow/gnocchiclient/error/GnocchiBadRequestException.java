package io.meterflow.gnocchiclient.error;

/** HTTP 400: the request is malformed or invalid (unknown attribute, bad query or operations, bad value). */
public final class GnocchiBadRequestException extends GnocchiApiException {

    private static final long serialVersionUID = 1L;

    public GnocchiBadRequestException(int status, String title, GnocchiErrorDescription description) {
        super(status, title, description);
    }
}
