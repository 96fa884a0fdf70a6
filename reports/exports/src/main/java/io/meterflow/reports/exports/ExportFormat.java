package io.meterflow.reports.exports;

import java.util.Arrays;
import java.util.Locale;

/** The renderings of an export, with what HTTP calls them. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON("application/json", "json"),
    PNG("image/png", "png"),
    SVG("image/svg+xml", "svg");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The {@code Content-Type} of this rendering. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, without dot. */
    public String extension() {
        return extension;
    }

    public ExportWriter writer() {
        return switch (this) {
            case CSV -> new CsvExportWriter();
            case JSON -> new JsonExportWriter();
            case PNG -> new PngExportWriter();
            case SVG -> new SvgExportWriter();
        };
    }

    /** {@code csv}, {@code json}, {@code png} or {@code svg}, any case. */
    public static ExportFormat parse(String name) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () -> InvalidExportException.of("format", "'" + name + "' is not one of csv, json, png, svg"));
    }
}
