package io.meterflow.timeseries.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditional headers of a request ({@code If-Match}, {@code If-None-Match},
 * {@code If-Modified-Since}, {@code If-Unmodified-Since}) judged against a representation's
 * entity tag and modification time, in RFC 7232's order and with Gnocchi's answers: 412 when a
 * precondition fails, "not modified" for a read whose representation the client already has.
 */
public final class ConditionalRequest {

    /** What a request may do once its preconditions are judged. */
    public enum Outcome {
        PROCEED,
        NOT_MODIFIED
    }

    /** The entity tag and the second-precision modification time of a representation. */
    public record Version(String entityTag, Instant lastModified) {}

    // A quoted tag, optionally weak, as in webob, which Gnocchi's API is served by.
    private static final Pattern TAG = Pattern.compile("(?:^|\\s)(W/)?\"((?:\\\\\"|.)*?)\"");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final TagList ifMatch;
    private final TagList ifNoneMatch;
    private final Instant ifModifiedSince;
    private final Instant ifUnmodifiedSince;

    ConditionalRequest(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {
        this.ifMatch = TagList.parse(ifMatch, true);
        this.ifNoneMatch = TagList.parse(ifNoneMatch, false);
        this.ifModifiedSince = httpDate(ifModifiedSince);
        this.ifUnmodifiedSince = httpDate(ifUnmodifiedSince);
    }

    public static ConditionalRequest of(HttpHeaders headers) {
        return new ConditionalRequest(
                headers.getHeaderString("If-Match"),
                headers.getHeaderString("If-None-Match"),
                headers.getHeaderString("If-Modified-Since"),
                headers.getHeaderString("If-Unmodified-Since"));
    }

    /**
     * Judges the request: a failed precondition throws a 412; a GET or HEAD the client holds
     * already is {@link Outcome#NOT_MODIFIED} (for other methods that case is a 412 too).
     */
    public Outcome evaluate(String method, Version current) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (ifMatch != null && !ifMatch.contains(current.entityTag())) {
            throw preconditionFailed();
        }
        if (ifMatch == null && ifUnmodifiedSince != null && ifUnmodifiedSince.isBefore(current.lastModified())) {
            throw preconditionFailed();
        }
        if (ifNoneMatch != null && ifNoneMatch.contains(current.entityTag())) {
            if (read) {
                return Outcome.NOT_MODIFIED;
            }
            throw preconditionFailed();
        }
        if (ifNoneMatch == null
                && read
                && ifModifiedSince != null
                && !ifModifiedSince.isBefore(current.lastModified())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** {@code ETag}'s value: the tag quoted. */
    public static String entityTagHeader(Version version) {
        return "\"" + version.entityTag() + "\"";
    }

    /** {@code Last-Modified}'s value, as Python's {@code email.utils.formatdate(usegmt=True)} writes it. */
    public static String lastModifiedHeader(Version version) {
        return HTTP_DATE.format(version.lastModified());
    }

    private static ApiException preconditionFailed() {
        return new ApiException(412, "");
    }

    /** An unreadable date is no condition, as in webob. */
    private static Instant httpDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A header's tags; {@code *} matches any. An absent or empty header is no condition. */
    private record TagList(boolean any, List<String> tags) {

        static TagList parse(String header, boolean strongOnly) {
            if (header == null || header.isBlank()) {
                return null;
            }
            String value = header.trim();
            if (value.equals("*")) {
                return new TagList(true, List.of());
            }
            List<String> tags = new ArrayList<>();
            Matcher matcher = TAG.matcher(value);
            boolean quoted = false;
            while (matcher.find()) {
                quoted = true;
                // A weak tag never matches If-Match's strong comparison.
                if (!(strongOnly && matcher.group(1) != null)) {
                    tags.add(matcher.group(2));
                }
            }
            if (!quoted) {
                tags.add(value); // clients that send a bare tag, as Gnocchi's own tests do
            }
            return new TagList(false, tags);
        }

        boolean contains(String tag) {
            return any || tags.contains(tag);
        }
    }
}
