package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.page.MessagePage;
import io.meterflow.reports.portal.page.UsagePage;
import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionCookie;
import io.meterflow.reports.portal.usage.MeteredResource;
import io.meterflow.reports.portal.usage.UsageReader;
import io.meterflow.reports.portal.usage.UsageSeries;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /portal/usage?meter=&resource=&from=&to=}: usage graphs of the signed-in project. A
 * resource is accepted only if the project's own resource search listed it; any other id (another
 * project's included) is answered 404, before the time-series API is asked for its measures.
 */
@Path("/portal/usage")
public final class UsageResource {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 93;

    private final SignedIn signedIn;
    private final UsageReader usage;
    private final Clock clock;

    public UsageResource(SignedIn signedIn, UsageReader usage, Clock clock) {
        this.signedIn = signedIn;
        this.usage = usage;
        this.clock = clock;
    }

    @GET
    public Response usage(
            @CookieParam(SessionCookie.NAME) String cookie,
            @QueryParam("meter") String meter,
            @QueryParam("resource") String resource,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Optional<Session> session = signedIn.session(cookie);
        if (session.isEmpty()) {
            return Pages.redirect("/portal/signin");
        }
        ProjectId project = session.get().project();
        List<MeteredResource> resources = usage.resources(project);
        Optional<String> resourceId = Optional.ofNullable(resource).filter(r -> !r.isBlank());
        Optional<MeteredResource> chosen = resourceId.flatMap(
                id -> resources.stream().filter(r -> r.id().equals(id)).findFirst());
        if (resourceId.isPresent() && chosen.isEmpty()) {
            return notFound("There is no such resource in your project.");
        }
        List<String> meters = chosen.map(MeteredResource::meters)
                .orElseGet(() -> resources.stream()
                        .flatMap(r -> r.meters().stream())
                        .distinct()
                        .sorted()
                        .toList());
        if (meters.isEmpty()) {
            return Pages.html(200, MessagePage.render("Usage", "Your project has no metered resources yet."));
        }
        String shownMeter = meter == null || meter.isBlank() ? meters.get(0) : meter;
        if (!meters.contains(shownMeter)) {
            return notFound("There is no such meter on your resources.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<LocalDate> last = date(to, today);
        Optional<LocalDate> first = last.flatMap(l -> date(from, l.minusDays(DEFAULT_DAYS - 1)));
        if (first.isEmpty()
                || first.get().isAfter(last.get())
                || ChronoUnit.DAYS.between(first.get(), last.get()) >= MAX_DAYS) {
            return Pages.html(
                    400,
                    MessagePage.render(
                            "Bad period", "Choose a period of 1 to " + MAX_DAYS + " days, with from before to."));
        }
        Instant start = first.get().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant stop = last.get().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<UsageSeries> series = usage.usage(project, shownMeter, resourceId, start, stop);
        UsagePage.Choice choice = new UsagePage.Choice(shownMeter, resourceId, first.get(), last.get());
        return Pages.html(200, UsagePage.render(project, resources, meters, choice, start, stop, series));
    }

    private static Optional<LocalDate> date(String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return Optional.of(otherwise);
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Response notFound(String text) {
        return Pages.html(404, MessagePage.render("Not found", text));
    }
}
