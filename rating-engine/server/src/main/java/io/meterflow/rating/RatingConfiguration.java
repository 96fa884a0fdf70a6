package io.meterflow.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.meterflow.keystone.KeystoneConfiguration;
import io.meterflow.servicedatabase.DatabaseSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The rating engine's configuration. Every key has a default here that an environment variable
 * named in {@code meterflow-rating.yml} overrides, so containers and scripts need no file.
 */
public final class RatingConfiguration extends Configuration {

    /** The profile CloudKitty's own API tests run against (docs/rating-api.md). */
    static final String CLOUDKITTY_TESTS = "cloudkitty-tests";

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseSettings database = new DatabaseSettings();

    @Valid
    @NotNull
    @JsonProperty
    private ProcessorConfiguration processor = new ProcessorConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private NotificationConfiguration notifications = new NotificationConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private ProjectEventsConfiguration projectEvents = new ProjectEventsConfiguration();

    @NotNull
    @JsonProperty
    private String dataDir = "./data";

    /** A metrics.yml file; empty: the packaged one (the profile's, under cloudkitty-tests). */
    @NotNull
    @JsonProperty
    private String metricsFile = "";

    @NotNull
    @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be a groupby key such as project_id")
    @JsonProperty
    private String scopeKey = "project_id";

    /**
     * noauth: CloudKitty's noauth, nothing checked; keystone: every request needs a valid token and
     * is judged by the policy (CloudKitty 22's defaults, overridden by {@link #policyFile}); basic:
     * Meterflow's development mode, the Basic user name as identity and project, judged by the policy.
     */
    @NotNull
    @Pattern(regexp = "(?i)noauth|keystone|basic", message = "must be noauth, keystone or basic")
    @JsonProperty
    private String authMode = "noauth";

    @Valid
    @NotNull
    @JsonProperty
    private KeystoneConfiguration keystone = new KeystoneConfiguration();

    /** An oslo.policy file (YAML or JSON) over the defaults; empty: the defaults alone. */
    @NotNull
    @JsonProperty
    private String policyFile = "";

    @NotNull
    @Pattern(regexp = "default|cloudkitty-tests", message = "must be default or cloudkitty-tests")
    @JsonProperty
    private String profile = "default";

    /** The one origin CORS requests are answered for; empty: none. */
    @NotNull
    @JsonProperty
    private String corsAllowedOrigin = "";

    public DatabaseSettings database() {
        return database;
    }

    public ProcessorConfiguration processor() {
        return processor;
    }

    /** Meterflow's development mode, shared by every API: the Basic user name is the identity. */
    public boolean basicAuth() {
        return authMode.equalsIgnoreCase("basic");
    }

    public boolean keystoneAuth() {
        return authMode.equalsIgnoreCase("keystone");
    }

    public KeystoneConfiguration keystone() {
        return keystone;
    }

    @jakarta.validation.constraints.AssertTrue(
            message = "keystone.password (METERFLOW_KEYSTONE_PASSWORD) is needed: the service signs in to Keystone"
                    + " under authMode keystone or processor.timeseriesAuth keystone")
    public boolean isKeystonePasswordGivenWhereNeeded() {
        boolean signsIn = keystoneAuth() || processor.timeseriesKeystoneAuth();
        return !signsIn || !keystone.settings().password().isEmpty();
    }

    public String policyFile() {
        return policyFile;
    }

    public NotificationConfiguration notifications() {
        return notifications;
    }

    public ProjectEventsConfiguration projectEvents() {
        return projectEvents;
    }

    /** The cloudkitty-tests profile has fixture scopes and no time-series service: nothing to process. */
    public boolean processorRuns() {
        return processor.enabled() && !cloudKittyTestsProfile();
    }

    public String dataDir() {
        return dataDir;
    }

    public String metricsFile() {
        return metricsFile;
    }

    public String scopeKey() {
        return scopeKey;
    }

    public boolean cloudKittyTestsProfile() {
        return CLOUDKITTY_TESTS.equals(profile);
    }

    /** The profile's origin unless one is configured. */
    public String effectiveCorsAllowedOrigin() {
        if (corsAllowedOrigin.isEmpty() && cloudKittyTestsProfile()) {
            return "http://valid.example.com";
        }
        return corsAllowedOrigin;
    }
}
