package io.meterflow.timeseries;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.meterflow.keystone.KeystoneConfiguration;
import io.meterflow.timeseries.ingest.IngestSettings;
import io.meterflow.timeseries.samples.SampleIngestSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The time-series API's configuration. Every key has a default in {@code meterflow-timeseries.yml}
 * that an environment variable overrides, so containers and scripts need no file.
 */
public final class TimeseriesConfiguration extends Configuration {

    /** Where the metrics live. */
    public static final class DatabaseSettings {
        /** JDBC URL with credentials; empty starts an embedded PostgreSQL under the data directory. */
        @JsonProperty
        @NotNull
        private String url = "";

        @JsonProperty
        @Min(1)
        @Max(200)
        private int maxPoolSize = 16;

        public String url() {
            return url;
        }

        public int maxPoolSize() {
            return maxPoolSize;
        }
    }

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseSettings database = new DatabaseSettings();

    /** Where embedded servers keep their data. */
    @NotNull
    @JsonProperty
    private String dataDir = "./data";

    /**
     * Gnocchi's auth_mode: basic, noauth, or keystone (an X-Auth-Token on every request,
     * validated with the keystone: credentials).
     */
    @NotNull
    @Pattern(regexp = "(?i)basic|noauth|keystone", message = "must be basic, noauth or keystone")
    @JsonProperty
    private String authMode = "basic";

    /** The service's own Keystone credentials: the same variables for every service. */
    @Valid
    @NotNull
    @JsonProperty
    private KeystoneConfiguration keystone = new KeystoneConfiguration();

    /** An oslo.policy file (YAML or JSON) over Gnocchi's defaults; empty: the defaults. */
    @NotNull
    @JsonProperty
    private String policyFile = "";

    /** {@code default}, or {@code gnocchi-tests}: the settings Gnocchi's own API tests assume. */
    @NotNull
    @Pattern(regexp = "default|gnocchi-tests", message = "must be default or gnocchi-tests")
    @JsonProperty
    private String profile = "default";

    /** Largest page a listing returns (Gnocchi's api.max_limit). */
    @Min(1)
    @JsonProperty
    private int maxLimit = 1000;

    /**
     * Synthetic aggregation rounds run before the server takes requests, so that the first
     * aggregates requests after a start are not run by a cold JIT; 0 turns the warm-up off.
     */
    @Min(0)
    @JsonProperty
    private int warmUpRounds = 400;

    /** Whether a new database gets the built-in archive policies and the {@code *} → low rule. */
    @JsonProperty
    private boolean installDefaultArchivePolicies = true;

    /** Whether X-Forwarded-* / Forwarded headers from a proxy decide the URLs the API returns. */
    @JsonProperty
    private boolean proxyHeaders = false;

    /** An origin allowed to call the API from a browser (CORS); empty allows none. */
    @NotNull
    @JsonProperty
    private String corsAllowedOrigin = "";

    /** How measures reach the aggregates (Kafka and the aggregator, or directly). */
    @Valid
    @NotNull
    @JsonProperty
    private IngestSettings ingest = new IngestSettings();

    /**
     * The collector's samples and resource events to resources, metrics and measures: runs
     * wherever the aggregator runs (in process, or the {@code aggregator} command).
     */
    @Valid
    @NotNull
    @JsonProperty
    private SampleIngestSettings sampleIngest = new SampleIngestSettings();

    /** The port of the {@code aggregator} command's health check and metrics, in place of the API's; 0: any free one. */
    @Min(0)
    @Max(65535)
    @JsonProperty
    private int aggregatorPort = 8044;

    private boolean aggregatorOnly;

    public DatabaseSettings database() {
        return database;
    }

    public String dataDir() {
        return dataDir;
    }

    public String authMode() {
        return authMode;
    }

    public KeystoneConfiguration keystone() {
        return keystone;
    }

    public String policyFile() {
        return policyFile;
    }

    @jakarta.validation.constraints.AssertTrue(
            message = "keystone.password (METERFLOW_KEYSTONE_PASSWORD) is needed under authMode keystone: the"
                    + " service validates tokens with its own credentials")
    public boolean isKeystonePasswordGivenWhereNeeded() {
        return !authMode.equalsIgnoreCase("keystone")
                || !keystone.settings().password().isEmpty();
    }

    public boolean gnocchiTestsProfile() {
        return profile.equals("gnocchi-tests");
    }

    public int warmUpRounds() {
        return warmUpRounds;
    }

    public IngestSettings ingest() {
        return ingest;
    }

    public SampleIngestSettings sampleIngest() {
        return sampleIngest;
    }

    /** True when this process runs only the aggregator (the {@code aggregator} command). */
    public boolean aggregatorOnly() {
        return aggregatorOnly;
    }

    void runAggregatorOnly() {
        aggregatorOnly = true;
    }

    public int aggregatorPort() {
        return aggregatorPort;
    }

    /** The gnocchi-tests profile pins what Gnocchi's test fixture sets; otherwise the keys rule. */
    public int effectiveMaxLimit() {
        return gnocchiTestsProfile() ? 7 : maxLimit;
    }

    public boolean effectiveInstallDefaultArchivePolicies() {
        return !gnocchiTestsProfile() && installDefaultArchivePolicies;
    }

    public boolean effectiveProxyHeaders() {
        return gnocchiTestsProfile() || proxyHeaders;
    }

    public String effectiveCorsAllowedOrigin() {
        return gnocchiTestsProfile() ? "http://foobar.com" : corsAllowedOrigin;
    }
}
