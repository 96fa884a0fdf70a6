package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.BackendUnavailableException;
import io.meterflow.reports.portal.page.MessagePage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a backend failure becomes an answer: 503 with a page that names nothing internal. */
public final class BackendUnavailableMapper implements ExceptionMapper<BackendUnavailableException> {

    private static final Logger LOG = LoggerFactory.getLogger(BackendUnavailableMapper.class);

    @Override
    public Response toResponse(BackendUnavailableException e) {
        LOG.warn("portal page unavailable: {}", e.getMessage(), e);
        return Pages.html(
                503,
                MessagePage.render(
                        "Temporarily unavailable",
                        "Your figures cannot be shown right now. Please try again shortly."));
    }
}
