package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.reports.invoice.InvoiceDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reader of the PDF sees, read back with pdftotext and pdffonts (poppler-utils). */
class InvoicePdfContentIT {

    private static InvoicePdfRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileOnce() {
        renderer = new InvoicePdfRenderer(Branding.defaults().withFooter("Acme Cloud GmbH · HRB 12345"));
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("standard-de", TestInvoices.standardInvoice(Locale.GERMAN)),
                Arguments.of("standard-en", TestInvoices.standardInvoice(Locale.ENGLISH)),
                Arguments.of("reverse-charge-fr", TestInvoices.reverseChargeInvoice(Locale.FRENCH)),
                Arguments.of("reverse-charge-en", TestInvoices.reverseChargeInvoice(Locale.ENGLISH)),
                Arguments.of("credit-note-de", TestInvoices.creditNote(Locale.GERMAN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void printsEveryAmountAndTotalAsTheJsonExportHasIt(String name, InvoiceDocument invoice) throws Exception {
        String text = PdfTools.text(PdfTools.write(dir, name + ".pdf", renderer.render(invoice)));
        JsonNode json = new ObjectMapper().readTree(new InvoiceJsonWriter().write(invoice));
        Locale language = invoice.customer().language();

        List<JsonNode> figures = new ArrayList<>();
        json.path("lines").forEach(line -> figures.add(line.path("amount")));
        json.path("totals").properties().forEach(total -> {
            boolean zeroDeduction =
                    (total.getKey().equals("discount") || total.getKey().equals("credits"))
                            && new BigDecimal(total.getValue().path("amount").asText()).signum() == 0;
            if (total.getValue().isObject() && !zeroDeduction) {
                figures.add(total.getValue());
            }
        });

        assertThat(figures).hasSizeGreaterThanOrEqualTo(invoice.lines().size() + 4);
        for (JsonNode figure : figures) {
            assertThat(text).contains(formatted(figure, language));
        }
    }

    @Test
    void writesGermanInGerman() throws Exception {
        String text = PdfTools.text(
                PdfTools.write(dir, "de.pdf", renderer.render(TestInvoices.standardInvoice(Locale.GERMAN))));

        assertThat(text)
                .contains("RECHNUNG", "Rechnungsnummer", "INV-2026-0117")
                .contains("Rechnungsdatum", "07.12.2026", "Fällig am", "21.12.2026")
                .contains("Leistungszeitraum", "01.11.2026 – 30.11.2026")
                .contains("Beispiel Software AG", "10115 Berlin", "USt-IdNr. DE987654321")
                .contains("1.434,05 €", "-139,45 €", "USt. 19 %")
                .contains("DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Acme Cloud GmbH · HRB 12345");
    }

    @Test
    void writesEnglishInEnglish() throws Exception {
        String text = PdfTools.text(
                PdfTools.write(dir, "en.pdf", renderer.render(TestInvoices.standardInvoice(Locale.ENGLISH))));

        assertThat(text)
                .contains("INVOICE", "Invoice number", "Issue date", "Dec 7, 2026", "Due date", "Dec 21, 2026")
                .contains("Nov 1, 2026 – Nov 30, 2026", "Germany")
                .contains("€1,434.05", "€1,234.56", "VAT 19 %", "Taxable amount", "Credits applied")
                .contains("IBAN", "Please transfer €1,434.05 by Dec 21, 2026");
    }

    @Test
    void statesReverseChargeInsteadOfVat() throws Exception {
        String english = PdfTools.text(
                PdfTools.write(dir, "rc-en.pdf", renderer.render(TestInvoices.reverseChargeInvoice(Locale.ENGLISH))));
        String french = PdfTools.text(
                PdfTools.write(dir, "rc-fr.pdf", renderer.render(TestInvoices.reverseChargeInvoice(Locale.FRENCH))));

        assertThat(english).contains("Reverse charge: VAT to be accounted for by the recipient", "VAT 0 %");
        assertThat(french).contains("Autoliquidation : TVA due par le preneur", "FACTURE", "1 205,08 €");
    }

    @Test
    void showsACreditNoteAndTheInvoiceItCorrects() throws Exception {
        String text = PdfTools.text(
                        PdfTools.write(dir, "cn.pdf", renderer.render(TestInvoices.creditNote(Locale.ENGLISH))))
                .replaceAll("\\s+", " ");

        assertThat(text)
                .contains("CREDIT NOTE", "Credit note number", "CN-2026-0003")
                .contains("Corrects invoice INV-2026-0117: hypervisor outage on 14 November")
                .contains("Total credited", "€11.42")
                .doesNotContain("Discount");
    }

    @Test
    void embedsEveryFont() throws Exception {
        String fonts = PdfTools.fonts(
                PdfTools.write(dir, "fonts.pdf", renderer.render(TestInvoices.standardInvoice(Locale.GERMAN))));

        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("DejaVuSans").matches(".*\\s+yes\\s+yes\\s+yes\\s+.*"));
    }

    /** The JSON figure as the customer's locale writes money: an independent formatter, same locale. */
    private static String formatted(JsonNode money, Locale language) {
        BigDecimal amount = new BigDecimal(money.path("amount").asText());
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(language);
        format.setCurrency(Currency.getInstance(money.path("currency").asText()));
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
