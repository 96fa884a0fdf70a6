package io.meterflow.gnocchiclient.error;

/** HTTP 409: the object already exists (resource id, archive policy or resource type name). */
public final class GnocchiConflictException extends GnocchiApiException {

    private static final long serialVersionUID = 1L;

    public GnocchiConflictException(int status, String title, GnocchiErrorDescription description) {
        super(status, title, description);
    }
}
