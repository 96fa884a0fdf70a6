package io.meterflow.reports.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an account's invoices are taxed: one VAT rate in percent on the taxable amount, or reverse
 * charge (the customer accounts for the VAT; the invoice shows 0 and says so, as EU B2B supplies
 * across borders require).
 */
public sealed interface TaxTreatment {

    BigDecimal ratePercent();

    record Standard(BigDecimal ratePercent) implements TaxTreatment {
        public Standard {
            Objects.requireNonNull(ratePercent, "ratePercent");
            if (ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("tax rate: " + ratePercent + " is not between 0 and 100");
            }
        }
    }

    record ReverseCharge() implements TaxTreatment {
        @Override
        public BigDecimal ratePercent() {
            return BigDecimal.ZERO;
        }
    }

    static TaxTreatment rate(String percent) {
        return new Standard(new BigDecimal(percent));
    }
}
