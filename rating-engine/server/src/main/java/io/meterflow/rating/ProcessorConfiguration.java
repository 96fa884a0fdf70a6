package io.meterflow.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.List;

/**
 * The processor: where usage is read (a Gnocchi v1 API), how periods are cut and when they are
 * due (CloudKitty's {@code [collect]}), which scopes are rated ({@code [fetcher]}) and how many
 * run at once ({@code [orchestrator]}).
 */
public final class ProcessorConfiguration {

    /** false: the service answers the API and rates nothing (several API replicas, one processor). */
    @JsonProperty
    private boolean enabled = true;

    /** The time-series API usage is read from: Meterflow's or a real Gnocchi. */
    @NotNull
    @Pattern(regexp = "https?://.+", message = "must be an http(s) URL")
    @JsonProperty
    private String timeseriesUrl = "http://127.0.0.1:8041";

    /**
     * basic (Gnocchi's basic auth, the user below), noauth (the user as X-User-Id, admin role) or
     * keystone (the service's own token, signed in with the keystone: credentials).
     */
    @NotNull
    @Pattern(regexp = "basic|noauth|keystone", message = "must be basic, noauth or keystone")
    @JsonProperty
    private String timeseriesAuth = "basic";

    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String timeseriesUser = "admin";

    /** Seconds per rated period (CloudKitty's period). */
    @JsonProperty
    @Min(60)
    private int period = 3600;

    @JsonProperty
    @Min(0)
    private int waitPeriods = 2;

    /** ISO-8601 start for scopes without state; empty: the first day of the current month (CloudKitty). */
    @NotNull
    @JsonProperty
    private String firstPeriod = "";

    /** Scopes rated at once. */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int workers = 2;

    /** Metric definitions read at once within one scope's period. */
    @JsonProperty
    @Min(1)
    @Max(64)
    private int collectThreads = 4;

    /** Seconds between the end of a pass and the start of the next. */
    @JsonProperty
    @Min(1)
    private int intervalSeconds = 60;

    /** Leave out points whose quantity is 0 (a stopped instance under NUMBOOL). */
    @JsonProperty
    private boolean skipZeroQuantity;

    /**
     * Rate a past period with the attributes resources had in it (Gnocchi 4.5's use_history on the
     * aggregates API, which Meterflow's time-series API has); false for a real Gnocchi before 4.5.
     */
    @JsonProperty
    private boolean useHistory = true;

    /**
     * Read a period once for every scope (one aggregates request per metric) rather than once per
     * scope, as CloudKitty does: far less work for the time-series API when many projects rate the
     * same hour; the last two periods read are held in memory, about half a kilobyte a point.
     */
    @JsonProperty
    private boolean collectWholePeriods = true;

    /**
     * Where scopes come from, CloudKitty's fetchers: gnocchi (projects owning resources), keystone
     * (projects where the service user holds the rating role, Keystone as in {@code keystone:}),
     * source ({@link #scopes}); empty: source when scopes are listed, else gnocchi.
     */
    @NotNull
    @Pattern(regexp = "|gnocchi|keystone|source", message = "must be gnocchi, keystone or source")
    @JsonProperty
    private String fetcher = "";

    /**
     * The keystone fetcher's role: the projects where the service user holds it are the scopes
     * (CloudKitty's {@code [fetcher_keystone]} rating role, {@code rating}).
     */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String fetcherKeystoneRole = "rating";

    /** The keystone fetcher rates every enabled project, role or not (no opt-in by role assignment). */
    @JsonProperty
    private boolean fetcherKeystoneAllProjects;

    /** Comma-separated scope ids (CloudKitty's source fetcher); empty: every project owning resources. */
    @NotNull
    @JsonProperty
    private String scopes = "";

    /** The resource types whose projects are scopes (CloudKitty's [fetcher_gnocchi] resource_types). */
    @NotNull
    @JsonProperty
    private String fetcherResourceTypes = "generic";

    public boolean enabled() {
        return enabled;
    }

    public String timeseriesUrl() {
        return timeseriesUrl;
    }

    public boolean timeseriesKeystoneAuth() {
        return "keystone".equals(timeseriesAuth);
    }

    public boolean timeseriesBasicAuth() {
        return "basic".equals(timeseriesAuth);
    }

    public String timeseriesUser() {
        return timeseriesUser;
    }

    public int period() {
        return period;
    }

    public int waitPeriods() {
        return waitPeriods;
    }

    public String firstPeriod() {
        return firstPeriod;
    }

    public int workers() {
        return workers;
    }

    public int collectThreads() {
        return collectThreads;
    }

    public int intervalSeconds() {
        return intervalSeconds;
    }

    public boolean skipZeroQuantity() {
        return skipZeroQuantity;
    }

    public boolean collectWholePeriods() {
        return collectWholePeriods;
    }

    public boolean useHistory() {
        return useHistory;
    }

    /** The fetcher in force: the one named, else source when scopes are listed, else gnocchi. */
    public String fetcher() {
        return !fetcher.isEmpty() ? fetcher : scopes.isBlank() ? "gnocchi" : "source";
    }

    public List<String> scopes() {
        return split(scopes);
    }

    public String fetcherKeystoneRole() {
        return fetcherKeystoneRole;
    }

    public boolean fetcherKeystoneAllProjects() {
        return fetcherKeystoneAllProjects;
    }

    public List<String> fetcherResourceTypes() {
        return split(fetcherResourceTypes);
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
