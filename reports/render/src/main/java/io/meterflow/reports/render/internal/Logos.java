package io.meterflow.reports.render.internal;

import io.meterflow.reports.invoice.Issuer;
import io.meterflow.reports.render.InvoiceTemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.renderers.Renderable;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * The logo an invoice carries: its issuer's own when it names one, else the operator's Branding
 * logo. Each file is read once and kept, so a run of thousands of invoices reads it once.
 */
public final class Logos {

    private final Renderable brandingLogo;
    private final Map<String, Renderable> issuerLogos = new ConcurrentHashMap<>();

    /** @throws InvoiceTemplateException if the Branding logo cannot be read */
    public Logos(Optional<Path> brandingLogo) {
        this.brandingLogo = brandingLogo.map(Logos::read).orElse(null);
    }

    /** @return the logo, or {@code null} for none (the template then leaves the space empty) */
    public Renderable forIssuer(Issuer issuer) {
        if (issuer.logo().isBlank()) {
            return brandingLogo;
        }
        return issuerLogos.computeIfAbsent(issuer.logo(), location -> read(Path.of(location)));
    }

    private static Renderable read(Path file) {
        try {
            return SimpleDataRenderer.getInstance(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvoiceTemplateException(file.toString(), "logo cannot be read: " + e, e);
        }
    }
}
