package io.meterflow.gnocchiclient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.error.GnocchiAccessDeniedException;
import io.meterflow.gnocchiclient.error.GnocchiApiException;
import io.meterflow.gnocchiclient.error.GnocchiBadRequestException;
import io.meterflow.gnocchiclient.error.GnocchiConflictException;
import io.meterflow.gnocchiclient.error.GnocchiNotFoundException;
import io.meterflow.gnocchiclient.error.GnocchiUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Error bodies as Gnocchi 4.4.2 sends them (shared/gnocchi/NOTES.md, edge-cases.md). */
class ErrorResponsesTest {

    private final ErrorResponses errors = new ErrorResponses(GnocchiJson.newMapper());

    @Test
    void sentenceDescriptionBecomesTheText() {
        GnocchiApiException error = errors.toException(404, """
                {"code": 404, "title": "Not Found",
                 "description": "Metric 6a2e1b9c-0000-4000-8000-000000000001 does not exist"}""", null);

        assertThat(error).isInstanceOf(GnocchiNotFoundException.class);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.title()).isEqualTo("Not Found");
        assertThat(error.description().text()).isEqualTo("Metric 6a2e1b9c-0000-4000-8000-000000000001 does not exist");
        assertThat(error.description().cause()).isNull();
        assertThat(error.getMessage())
                .isEqualTo("HTTP 404 Not Found: Metric 6a2e1b9c-0000-4000-8000-000000000001 does not exist");
    }

    @Test
    void validationDescriptionKeepsCauseReasonAndDetail() {
        GnocchiApiException error = errors.toException(400, """
                {"code": 400, "title": "Bad Request",
                 "description": {"cause": "Argument value error", "detail": "start",
                                 "reason": "Must be a datetime or a timestamp"}}""", null);

        assertThat(error).isInstanceOf(GnocchiBadRequestException.class);
        assertThat(error.description().cause()).isEqualTo("Argument value error");
        assertThat(error.description().reason()).isEqualTo("Must be a datetime or a timestamp");
        assertThat(error.description().detail().asText()).isEqualTo("start");
        assertThat(error.description().text()).isEqualTo("Argument value error: Must be a datetime or a timestamp");
    }

    @Test
    void bareValidationObjectIsReadToo() {
        GnocchiApiException error = errors.toException(404, """
                {"cause": "Unknown metrics", "reason": "Provided metrics don't exists",
                 "detail": ["a3c5c1d2-0000-4000-8000-000000000002"]}""", null);

        assertThat(error).isInstanceOf(GnocchiNotFoundException.class);
        assertThat(error.title()).isEmpty();
        assertThat(error.description().cause()).isEqualTo("Unknown metrics");
        assertThat(error.description().detail().get(0).asText()).isEqualTo("a3c5c1d2-0000-4000-8000-000000000002");
    }

    @Test
    void causeWithoutReasonIsTheText() {
        GnocchiApiException error = errors.toException(
                400,
                "{\"code\": 400, \"title\": \"Bad Request\", \"description\": {\"cause\": \"Unknown resources\", "
                        + "\"detail\": [{\"resource_id\": \"r\", \"original_resource_id\": \"r\"}]}}",
                null);

        assertThat(error.description().text()).isEqualTo("Unknown resources");
        assertThat(error.description().detail().get(0).get("resource_id").asText())
                .isEqualTo("r");
    }

    @Test
    void unauthorizedAndForbiddenAreAccessDenied() {
        GnocchiApiException unauthorized =
                errors.toException(401, "{\"code\": 401, \"title\": \"Unauthorized\", \"description\": \"\"}", null);
        GnocchiApiException forbidden =
                errors.toException(403, "{\"code\": 403, \"title\": \"Forbidden\", \"description\": \"\"}", null);

        assertThat(unauthorized).isInstanceOf(GnocchiAccessDeniedException.class);
        assertThat(unauthorized.getMessage()).isEqualTo("HTTP 401 Unauthorized");
        assertThat(forbidden).isInstanceOf(GnocchiAccessDeniedException.class);
        assertThat(forbidden.status()).isEqualTo(403);
    }

    @Test
    void conflictIsItsOwnKind() {
        GnocchiApiException error = errors.toException(409, """
                {"code": 409, "title": "Conflict", "description": "Archive policy low already exists"}""", null);

        assertThat(error).isInstanceOf(GnocchiConflictException.class);
    }

    @Test
    void unavailableCarriesRetryAfterSeconds() {
        GnocchiApiException withDelay = errors.toException(503, "", "120");
        GnocchiApiException withDate = errors.toException(503, "", "Wed, 21 Oct 2026 07:28:00 GMT");

        assertThat(withDelay)
                .isInstanceOfSatisfying(
                        GnocchiUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(withDate)
                .isInstanceOfSatisfying(
                        GnocchiUnavailableException.class,
                        unavailable -> assertThat(unavailable.retryAfter()).isEmpty());
    }

    @Test
    void htmlPageIsKeptAsText() {
        GnocchiApiException error =
                errors.toException(500, "<html><body><h1>500 Internal Server Error</h1></body></html>", null);

        assertThat(error.getClass()).isEqualTo(GnocchiApiException.class);
        assertThat(error.description().text()).contains("500 Internal Server Error");
    }
}
