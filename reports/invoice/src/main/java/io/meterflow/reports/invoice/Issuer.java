package io.meterflow.reports.invoice;

import java.util.Objects;

/**
 * The operator's legal entity that issues invoices: its party data, where it is paid, and the
 * logo its invoices carry (a path or URL the renderer reads; empty for none). Each issuer numbers
 * its invoices from its own sequence.
 */
public record Issuer(String id, Party party, BankAccount bank, String logo) {

    public Issuer {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("id: letters, digits, '.', '_' or '-', at most 64");
        }
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(bank, "bank");
        logo = logo == null ? "" : logo;
    }
}
