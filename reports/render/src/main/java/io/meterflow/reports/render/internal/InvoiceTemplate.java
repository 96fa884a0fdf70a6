package io.meterflow.reports.render.internal;

import io.meterflow.reports.render.Branding;
import io.meterflow.reports.render.InvoiceTemplateException;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.base.JRBaseStyle;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * Loads the invoice JRXML (the operator's own or the built-in one), paints the Branding colours
 * into its named styles and compiles it, once. A compiled {@link JasperReport} is immutable and
 * fills concurrently, so one serves every invoice of a run.
 */
public final class InvoiceTemplate {

    static final String BUILT_IN = "/io/meterflow/reports/render/invoice.jrxml";

    private InvoiceTemplate() {}

    /** @throws InvoiceTemplateException naming the file and what is wrong with it */
    public static JasperReport compile(Branding branding) {
        String source = branding.templateFile().map(Path::toString).orElse("classpath:" + BUILT_IN);
        JasperDesign design = load(branding, source);
        paint(design, "Brand", branding.primaryColor(), false);
        paint(design, "BrandFill", branding.primaryColor(), true);
        paint(design, "Accent", branding.accentColor(), false);
        paint(design, "AccentFill", branding.accentColor(), true);
        try {
            return JasperCompileManager.compileReport(design);
        } catch (JRException | RuntimeException e) {
            throw new InvoiceTemplateException(source, "does not compile: " + e.getMessage(), e);
        }
    }

    private static JasperDesign load(Branding branding, String source) {
        try (InputStream in = open(branding)) {
            return JRXmlLoader.load(in);
        } catch (IOException e) {
            throw new InvoiceTemplateException(source, "cannot be read: " + e, e);
        } catch (JRException | RuntimeException e) {
            throw new InvoiceTemplateException(source, "is not a valid JRXML template: " + rootMessage(e), e);
        }
    }

    private static InputStream open(Branding branding) throws IOException {
        if (branding.templateFile().isPresent()) {
            return Files.newInputStream(branding.templateFile().get());
        }
        InputStream builtIn = InvoiceTemplate.class.getResourceAsStream(BUILT_IN);
        if (builtIn == null) {
            throw new IOException("built-in template missing from the class path");
        }
        return builtIn;
    }

    /** An operator's template may leave out a style: then there is nothing to paint. */
    private static void paint(JasperDesign design, String styleName, String hex, boolean fill) {
        JRStyle style = design.getStylesMap().get(styleName);
        if (style instanceof JRBaseStyle base) {
            Color colour = Color.decode(hex);
            if (fill) {
                base.setBackcolor(colour);
            } else {
                base.setForecolor(colour);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
