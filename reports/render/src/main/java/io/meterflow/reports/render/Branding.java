package io.meterflow.reports.render;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an operator's invoices look: a logo (used when the issuer has none of its own), two colours,
 * a footer line, and optionally a JRXML template of its own in place of the built-in one. Colours
 * are {@code #RRGGBB}; the primary one fills the title and the table header, the accent one the
 * section headings and the total.
 *
 * @param logo PNG or JPEG file, or {@code null} for none
 * @param template JRXML file replacing the built-in template, or {@code null} for the built-in one
 */
public record Branding(Path logo, String primaryColor, String accentColor, String footerText, Path template) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public static final String DEFAULT_PRIMARY = "#1F4E79";
    public static final String DEFAULT_ACCENT = "#2E75B6";

    public Branding {
        Objects.requireNonNull(primaryColor, "primaryColor");
        Objects.requireNonNull(accentColor, "accentColor");
        if (!HEX_COLOUR.matcher(primaryColor).matches()) {
            throw new IllegalArgumentException("primaryColor: " + primaryColor + " is not #RRGGBB");
        }
        if (!HEX_COLOUR.matcher(accentColor).matches()) {
            throw new IllegalArgumentException("accentColor: " + accentColor + " is not #RRGGBB");
        }
        footerText = footerText == null ? "" : footerText;
    }

    /** Meterflow's own look: built-in template, blue, no logo, no footer. */
    public static Branding defaults() {
        return new Branding(null, DEFAULT_PRIMARY, DEFAULT_ACCENT, "", null);
    }

    public Optional<Path> logoFile() {
        return Optional.ofNullable(logo);
    }

    public Optional<Path> templateFile() {
        return Optional.ofNullable(template);
    }

    public Branding withLogo(Path file) {
        return new Branding(file, primaryColor, accentColor, footerText, template);
    }

    public Branding withColors(String primary, String accent) {
        return new Branding(logo, primary, accent, footerText, template);
    }

    public Branding withFooter(String text) {
        return new Branding(logo, primaryColor, accentColor, text, template);
    }

    public Branding withTemplate(Path jrxml) {
        return new Branding(logo, primaryColor, accentColor, footerText, jrxml);
    }
}
