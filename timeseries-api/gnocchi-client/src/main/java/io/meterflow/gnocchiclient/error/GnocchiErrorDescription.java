package io.meterflow.gnocchiclient.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The {@code description} of a Gnocchi error. Gnocchi sends either a sentence ({@code "Metric x does
 * not exist"}) or, from its input validation, an object {@code {cause, reason, detail}}; both end
 * up here, with {@link #text} always set so a caller can log one line.
 *
 * @param text   the sentence, or {@code "cause: reason"} for the object form, or the raw body
 * @param cause  the object form's {@code cause}, else null
 * @param reason the object form's {@code reason}, else null
 * @param detail the object form's {@code detail} (ids, a field name, an object), else missing
 */
public record GnocchiErrorDescription(String text, String cause, String reason, JsonNode detail) {

    public GnocchiErrorDescription {
        text = text == null ? "" : text;
        detail = detail == null ? MissingNode.getInstance() : detail.deepCopy();
    }

    public static GnocchiErrorDescription ofText(String text) {
        return new GnocchiErrorDescription(text, null, null, null);
    }

    /** A defensive copy: the record stays immutable. */
    @Override
    public JsonNode detail() {
        return detail.deepCopy();
    }
}
