package io.meterflow.reports.portal.invoice;

import java.util.Objects;

/** A rendered invoice to download: its bytes, media type and the file name offered to the browser. */
public record InvoiceFile(byte[] bytes, String mediaType, String fileName) {

    public InvoiceFile {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(fileName, "fileName");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
