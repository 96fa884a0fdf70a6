package io.meterflow.reports.invoice;

import java.util.Objects;

/**
 * A postal address as EN 16931 structures it (BG-5/BG-8): e-invoices need the country and, for
 * most countries, the post code and city apart from the street.
 *
 * @param countryCode ISO 3166-1 alpha-2, upper case
 */
public record Address(String line1, String line2, String postCode, String city, String countryCode) {

    public Address {
        Objects.requireNonNull(line1, "line1");
        line2 = line2 == null ? "" : line2;
        Objects.requireNonNull(postCode, "postCode");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("countryCode: " + countryCode + " is not an ISO 3166-1 alpha-2 code");
        }
    }
}
