package io.meterflow.gnocchiclient.error;

/** HTTP 404: what was asked for does not exist (metric, resource, resource type, aggregation or granularity). */
public final class GnocchiNotFoundException extends GnocchiApiException {

    private static final long serialVersionUID = 1L;

    public GnocchiNotFoundException(int status, String title, GnocchiErrorDescription description) {
        super(status, title, description);
    }
}
