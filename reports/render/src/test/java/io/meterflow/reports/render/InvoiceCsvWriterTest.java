package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InvoiceCsvWriterTest {

    private final InvoiceCsvWriter writer = new InvoiceCsvWriter();

    @Test
    void writesOneRecordPerLineThenOnePerTotal() {
        List<String> records = List.of(
                writer.write(TestInvoices.standardInvoice(Locale.GERMAN)).split("\r\n"));

        assertThat(records.get(0)).isEqualTo(String.join(",", InvoiceCsvWriter.COLUMNS));
        assertThat(records)
                .hasSize(1 + 6 + 6)
                .contains(
                        "line,INVOICE,INV-2026-0117,acct-42,2026-12-07,2026-12-21,2026-11-01,2026-12-01,"
                                + "1,USAGE,instance,\"m1.large, 4 vCPU, 8 GiB\",1440,h,0.096,138.24,EUR,",
                        "line,INVOICE,INV-2026-0117,acct-42,2026-12-07,2026-12-21,2026-11-01,2026-12-01,"
                                + "2,USAGE,volume,\"Block storage, SSD\",12000.5,GB-h,0.000139,1.67,EUR,");
        assertThat(records.subList(7, 13))
                .extracting(r -> r.substring(0, r.indexOf(',')) + "=" + r.substring(r.indexOf(",,,,,,,,") + 8))
                .containsExactly(
                        "subtotal=1394.53,EUR,",
                        "discount=139.45,EUR,",
                        "credits=50.00,EUR,",
                        "taxable=1205.08,EUR,",
                        "tax=228.97,EUR,19",
                        "total=1434.05,EUR,");
    }

    @Test
    void quotesFieldsWithCommasAndQuotes() {
        String csv = writer.write(TestInvoices.creditNote(Locale.ENGLISH));

        assertThat(csv).contains("\"Outage credit, 2026-11-14\"").contains("line,CREDIT_NOTE,CN-2026-0003,");
    }
}
