package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.reports.invoice.InvoiceDocument;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mustang's own validator (veraPDF for PDF/A-3, the EN 16931 schematron for the XML) accepts the result. */
class FacturXRendererIT {

    private static final Logger LOG = LoggerFactory.getLogger(FacturXRendererIT.class);

    private static FacturXRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileOnce() {
        renderer = new FacturXRenderer(new InvoicePdfRenderer(Branding.defaults()));
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("standard-rate", TestInvoices.standardInvoice(Locale.GERMAN)),
                Arguments.of("reverse-charge", TestInvoices.reverseChargeInvoice(Locale.FRENCH)),
                Arguments.of("credit-note", TestInvoices.creditNote(Locale.ENGLISH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void isValidEn16931(String name, InvoiceDocument invoice) throws Exception {
        Path file = PdfTools.write(dir, name + ".pdf", renderer.render(invoice));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(file.toString());
        LOG.info("Mustang validator on {}: {}", name, report);

        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(report)
                .contains("isCompliant=true")
                .contains("<profile>urn:cen.eu:en16931:2017</profile>")
                .doesNotContain("<error")
                .doesNotContain("<warning");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void carriesTheSnapshotsFigures(String name, InvoiceDocument invoice) throws Exception {
        byte[] pdf = renderer.render(invoice);

        ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter(new java.io.ByteArrayInputStream(pdf));
        String xml = importer.getUTF8();

        assertThat(xml)
                .contains("<ram:GrandTotalAmount>"
                        + invoice.totals().total().amount().toPlainString() + "</ram:GrandTotalAmount>")
                .contains("<ram:TaxBasisTotalAmount>"
                        + invoice.totals().taxable().amount().toPlainString() + "</ram:TaxBasisTotalAmount>")
                .contains(invoice.issuer().bank().iban());
        for (var line : invoice.lines()) {
            assertThat(xml)
                    .contains("<ram:LineTotalAmount>" + line.amount().amount().toPlainString());
        }
    }
}
