package io.meterflow.gnocchiclient.error;

/**
 * The server answered with an error status. Statuses a caller acts on have their own subclass;
 * others (500, 405, 406, 415...) are thrown as this class.
 */
public class GnocchiApiException extends GnocchiException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient GnocchiErrorDescription description;

    public GnocchiApiException(int status, String title, GnocchiErrorDescription description) {
        super("HTTP " + status + (title == null || title.isEmpty() ? "" : " " + title)
                + (description.text().isEmpty() ? "" : ": " + description.text()));
        this.status = status;
        this.title = title == null ? "" : title;
        this.description = description;
    }

    public int status() {
        return status;
    }

    /** The reason phrase Gnocchi sent ({@code "Not Found"}), or empty. */
    public String title() {
        return title;
    }

    public GnocchiErrorDescription description() {
        return description;
    }
}
