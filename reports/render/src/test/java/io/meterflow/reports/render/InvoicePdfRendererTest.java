package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvoicePdfRendererTest {

    private static InvoicePdfRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileOnce() {
        renderer = new InvoicePdfRenderer(Branding.defaults());
    }

    @AfterAll
    static void release() {
        renderer = null;
    }

    @Test
    void rendersAPdfA3() {
        byte[] pdf = renderer.render(TestInvoices.standardInvoice(Locale.GERMAN));

        String head = new String(pdf, 0, 8, StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("<pdfaid:part>3</pdfaid:part>");
    }

    @Test
    void failsAtConstructionWhenTheTemplateFileIsMissing() {
        Path missing = dir.resolve("nowhere.jrxml");

        assertThatThrownBy(() -> new InvoicePdfRenderer(Branding.defaults().withTemplate(missing)))
                .isInstanceOf(InvoiceTemplateException.class)
                .hasMessageStartingWith(missing.toString())
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void failsAtConstructionWhenTheTemplateIsNotJrxml() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jrxml"), "<jasperReport name=\"x\"><title height=");

        assertThatThrownBy(() -> new InvoicePdfRenderer(Branding.defaults().withTemplate(broken)))
                .isInstanceOf(InvoiceTemplateException.class)
                .hasMessageStartingWith(broken.toString())
                .hasMessageContaining("is not a valid JRXML template");
    }

    @Test
    void failsAtConstructionWhenAnExpressionDoesNotCompile() throws IOException {
        Path template = Files.writeString(
                dir.resolve("typo.jrxml"),
                builtInTemplate().replace("$P{ISSUER_NAME}", "$P{ISSUER_NAME}.noSuchMethod()"));

        assertThatThrownBy(() -> new InvoicePdfRenderer(Branding.defaults().withTemplate(template)))
                .isInstanceOf(InvoiceTemplateException.class)
                .hasMessageStartingWith(template.toString())
                .hasMessageContaining("does not compile")
                .hasMessageContaining("noSuchMethod");
    }

    @Test
    void failsAtConstructionWhenTheLogoIsMissing() {
        Path logo = dir.resolve("logo.png");

        assertThatThrownBy(() -> new InvoicePdfRenderer(Branding.defaults().withLogo(logo)))
                .isInstanceOf(InvoiceTemplateException.class)
                .hasMessageStartingWith(logo.toString());
    }

    @Test
    void rendersAnOperatorsOwnTemplate() throws IOException {
        Path template = Files.writeString(
                dir.resolve("operator.jrxml"), builtInTemplate().replace("$R{title.invoice}", "\"FACTURA\""));

        InvoicePdfRenderer operators = new InvoicePdfRenderer(Branding.defaults()
                .withTemplate(template)
                .withColors("#8B0000", "#333333")
                .withFooter("Operator Ltd"));

        assertThat(operators.render(TestInvoices.standardInvoice(Locale.ENGLISH)))
                .isNotEmpty();
    }

    @Test
    void rejectsColoursThatAreNotHex() {
        assertThatThrownBy(() -> Branding.defaults().withColors("blue", "#000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primaryColor: blue");
    }

    @Test
    void rendersConcurrentlyFromOneCompiledTemplate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Locale language = i % 2 == 0 ? Locale.GERMAN : Locale.ENGLISH;
                results.add(pool.submit(() -> renderer.render(TestInvoices.standardInvoice(language))));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String builtInTemplate() throws IOException {
        try (InputStream in = InvoicePdfRenderer.class.getResourceAsStream("invoice.jrxml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
