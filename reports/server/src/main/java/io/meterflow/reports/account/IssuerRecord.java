package io.meterflow.reports.account;

import io.meterflow.reports.invoice.InvoiceNumberFormat;
import io.meterflow.reports.invoice.Issuer;

/** An issuer as stored: its data, its number pattern and the counter of its next number. */
public record IssuerRecord(Issuer issuer, InvoiceNumberFormat numberFormat, long nextNumber) {}
