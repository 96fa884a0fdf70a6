package io.meterflow.reports.invoice;

/** An invoice, or a credit note correcting one (UNTDID 1001 codes 380 and 381 in e-invoices). */
public enum DocumentType {
    INVOICE("380"),
    CREDIT_NOTE("381");

    private final String untdidCode;

    DocumentType(String untdidCode) {
        this.untdidCode = untdidCode;
    }

    public String untdidCode() {
        return untdidCode;
    }
}
