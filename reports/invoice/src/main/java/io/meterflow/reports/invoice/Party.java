package io.meterflow.reports.invoice;

import java.util.Objects;

/**
 * Who sells or buys: a legal name, an address, and a VAT or tax id (empty when the party has
 * none, e.g. a private customer).
 */
public record Party(String name, Address address, String taxId, String email) {

    public Party {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        Objects.requireNonNull(address, "address");
        taxId = taxId == null ? "" : taxId;
        email = email == null ? "" : email;
    }
}
