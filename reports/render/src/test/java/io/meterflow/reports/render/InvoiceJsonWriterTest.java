package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class InvoiceJsonWriterTest {

    @Test
    void writesAmountsAsPlainDecimalStringsWithTheirCurrency() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(new InvoiceJsonWriter().write(TestInvoices.standardInvoice(Locale.GERMAN)));

        assertThat(json.path("number").asText()).isEqualTo("INV-2026-0117");
        assertThat(json.path("issueDate").asText()).isEqualTo("2026-12-07");
        assertThat(json.path("servicePeriod").path("lastDay").asText()).isEqualTo("2026-11-30");
        assertThat(json.path("lines")).hasSize(6);
        JsonNode first = json.path("lines").get(0);
        assertThat(first.path("quantity").asText()).isEqualTo("1440");
        assertThat(first.path("unitPrice").asText()).isEqualTo("0.096");
        assertThat(first.path("amount").path("amount").isTextual()).isTrue();
        assertThat(first.path("amount").path("amount").asText()).isEqualTo("138.24");
        assertThat(first.path("amount").path("currency").asText()).isEqualTo("EUR");
        JsonNode totals = json.path("totals");
        assertThat(totals.path("credits").path("amount").asText()).isEqualTo("50.00");
        assertThat(totals.path("taxRatePercent").asText()).isEqualTo("19");
        assertThat(totals.path("total").path("amount").asText()).isEqualTo("1434.05");
        assertThat(json.path("issuer").path("bank").path("iban").asText()).isEqualTo("DE89370400440532013000");
        assertThat(json.path("customer").path("taxTreatment").asText()).isEqualTo("STANDARD");
    }

    @Test
    void namesTheCorrectedInvoiceOfACreditNote() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(new InvoiceJsonWriter().write(TestInvoices.creditNote(Locale.ENGLISH)));

        assertThat(json.path("type").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(json.path("correctedNumber").asText()).isEqualTo("INV-2026-0117");
        assertThat(json.path("reason").asText()).isEqualTo("hypervisor outage on 14 November");
    }
}
