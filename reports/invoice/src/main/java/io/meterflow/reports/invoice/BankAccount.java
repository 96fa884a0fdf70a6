package io.meterflow.reports.invoice;

/** Where the customer pays: printed on the invoice and carried in the e-invoice (BG-17). */
public record BankAccount(String bankName, String iban, String bic) {

    public BankAccount {
        bankName = bankName == null ? "" : bankName;
        if (iban == null || iban.isBlank()) {
            throw new IllegalArgumentException("iban: required");
        }
        iban = iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        bic = bic == null ? "" : bic;
    }
}
