package io.meterflow.reports.account;

import io.meterflow.reports.invoice.Customer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A customer that pays for one or more projects, invoiced by one issuer. */
public record BillingAccount(
        String id, String issuerId, Customer customer, BigDecimal discountPercent, List<String> projects) {

    public BillingAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(discountPercent, "discountPercent");
        projects = List.copyOf(projects);
    }
}
