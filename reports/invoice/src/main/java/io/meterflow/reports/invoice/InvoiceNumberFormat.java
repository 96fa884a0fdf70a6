package io.meterflow.reports.invoice;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an issuer's invoice numbers read: literal text with {@code {YYYY}}, {@code {YY}},
 * {@code {MM}} (from the issue date) and exactly one {@code {SEQ}} or {@code {SEQ:n}} (the
 * issuer's gap-free counter, zero-padded to n digits). {@code MF-{YYYY}{MM}-{SEQ:6}} gives
 * {@code MF-202612-000042}. The counter never restarts, so a number is unique without its date.
 */
public record InvoiceNumberFormat(String pattern) {

    private static final Pattern TOKEN = Pattern.compile("\\{(YYYY|YY|MM|SEQ(?::(\\d{1,2}))?)}");
    public static final InvoiceNumberFormat DEFAULT = new InvoiceNumberFormat("INV-{YYYY}{MM}-{SEQ:6}");

    public InvoiceNumberFormat {
        Objects.requireNonNull(pattern, "pattern");
        Matcher matcher = TOKEN.matcher(pattern);
        int counters = 0;
        while (matcher.find()) {
            if (matcher.group(1).startsWith("SEQ")) {
                counters++;
            }
        }
        if (counters != 1) {
            throw new IllegalArgumentException(
                    "number pattern " + pattern + ": needs exactly one {SEQ} or {SEQ:n}, has " + counters);
        }
        String literal = TOKEN.matcher(pattern).replaceAll("");
        if (!literal.matches("[A-Za-z0-9/_.#-]*")) {
            throw new IllegalArgumentException(
                    "number pattern " + pattern + ": only letters, digits and / _ . # - besides the tokens");
        }
        if (literal.contains("{") || literal.contains("}")) {
            throw new IllegalArgumentException("number pattern " + pattern + ": unknown token");
        }
    }

    public String format(long counter, LocalDate issueDate) {
        if (counter < 1) {
            throw new IllegalArgumentException("counter " + counter + " is not positive");
        }
        Matcher matcher = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String token = matcher.group(1);
            String value = switch (token) {
                case "YYYY" -> String.format("%04d", issueDate.getYear());
                case "YY" -> String.format("%02d", issueDate.getYear() % 100);
                case "MM" -> String.format("%02d", issueDate.getMonthValue());
                default -> pad(counter, matcher.group(2));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String pad(long counter, String width) {
        String digits = Long.toString(counter);
        int wanted = width == null ? 0 : Integer.parseInt(width);
        return digits.length() >= wanted ? digits : "0".repeat(wanted - digits.length()) + digits;
    }
}
