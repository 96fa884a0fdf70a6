package io.meterflow.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.meterflow.keystone.KeystoneConfiguration;
import io.meterflow.servicedatabase.DatabaseSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reports service's configuration. Every key has its default here; {@code meterflow-reports.yml}
 * names the environment variable that overrides it.
 */
public final class ReportsConfiguration extends Configuration {

    /** How invoices are cut, dated and rounded. */
    public static final class BillingConfiguration {
        @JsonProperty
        @NotNull
        private String timeZone = "UTC";

        @JsonProperty
        @Min(0)
        @Max(365)
        private int paymentTermsDays = 30;

        @JsonProperty
        @Min(0)
        @Max(24)
        private int lateUsageMonths = 3;

        @JsonProperty
        @NotNull
        private String defaultIssuer = "";

        /** project: one account per project, as CloudKitty bills; domain: one per Keystone domain */
        @JsonProperty
        @NotNull
        @Pattern(regexp = "project|domain")
        private String defaultAccounts = "project";

        @JsonProperty
        @NotNull
        @Pattern(regexp = "[A-Z]{3}")
        private String defaultCurrency = "EUR";

        /** The rating engine's period (its METERFLOW_RATING_PERIOD): how long a scope's last rated period is. */
        @JsonProperty
        @Min(1)
        private int ratingPeriodSeconds = 3600;

        @JsonProperty
        @Min(-1)
        @Max(12)
        private int roundingScale = -1;

        @JsonProperty
        @NotNull
        @Pattern(regexp = "UP|DOWN|CEILING|FLOOR|HALF_UP|HALF_DOWN|HALF_EVEN")
        private String roundingMode = "HALF_UP";

        public String timeZone() {
            return timeZone;
        }

        public int paymentTermsDays() {
            return paymentTermsDays;
        }

        public int lateUsageMonths() {
            return lateUsageMonths;
        }

        public String defaultIssuer() {
            return defaultIssuer;
        }

        public String defaultAccounts() {
            return defaultAccounts;
        }

        public String defaultCurrency() {
            return defaultCurrency;
        }

        public int roundingScale() {
            return roundingScale;
        }

        public int ratingPeriodSeconds() {
            return ratingPeriodSeconds;
        }

        public String roundingMode() {
            return roundingMode;
        }
    }

    /** How invoices look: an operator's logo, colours, footer and, if it likes, its own template. */
    public static final class RenderingConfiguration {
        /** a PNG or JPEG; empty: each issuer's own logo, or none */
        @JsonProperty
        @NotNull
        private String logo = "";

        @JsonProperty
        @NotNull
        @Pattern(regexp = "#[0-9A-Fa-f]{6}")
        private String primaryColor = "#1F4E79";

        @JsonProperty
        @NotNull
        @Pattern(regexp = "#[0-9A-Fa-f]{6}")
        private String accentColor = "#2E75B6";

        @JsonProperty
        @NotNull
        private String footer = "";

        /** a JRXML replacing the built-in invoice template (reports/render/README.md); empty: built-in */
        @JsonProperty
        @NotNull
        private String template = "";

        public String logo() {
            return logo;
        }

        public String primaryColor() {
            return primaryColor;
        }

        public String accentColor() {
            return accentColor;
        }

        public String footer() {
            return footer;
        }

        public String template() {
            return template;
        }
    }

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseSettings database = new DatabaseSettings();

    @Valid
    @NotNull
    @JsonProperty
    private RenderingConfiguration rendering = new RenderingConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private BillingConfiguration billing = new BillingConfiguration();

    @NotNull
    @JsonProperty
    private String dataDir = "./data";

    @NotNull
    @JsonProperty
    private String ratingUrl = "http://127.0.0.1:8889";

    @NotNull
    @JsonProperty
    private String ratingToken = "";

    /** The time-series (Gnocchi v1) API capacity exports and usage graphs read. */
    @NotNull
    @JsonProperty
    private String timeseriesUrl = "http://127.0.0.1:8041";

    /**
     * basic (timeseriesUser as Gnocchi basic auth), noauth (the admin role), keystone (the service's
     * own token); empty: keystone under authMode keystone, else basic
     */
    @NotNull
    @Pattern(regexp = "|noauth|basic|keystone")
    @JsonProperty
    private String timeseriesAuth = "";

    @NotNull
    @JsonProperty
    private String timeseriesUser = "admin";

    @NotNull
    @Pattern(regexp = "noauth|basic|keystone")
    @JsonProperty
    private String authMode = "noauth";

    @NotNull
    @JsonProperty
    private String financeUsers = "finance";

    @NotNull
    @JsonProperty
    private String policyFile = "";

    @Valid
    @NotNull
    @JsonProperty
    private KeystoneConfiguration keystone = new KeystoneConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private PortalSettings portal = new PortalSettings();

    /** The tenant portal under /portal. */
    public static final class PortalSettings {
        /**
         * Signs the links operators hand out (at least 32 characters); empty: a random secret per
         * process, so links stop working at a restart (fine for trying it, not for production).
         */
        @JsonProperty
        @NotNull
        private String linkSecret = "";

        /** Seconds a project's cost figures are reused between page views. */
        @JsonProperty
        @Min(0)
        @Max(300)
        private int cacheSeconds = 5;

        /** Set behind TLS: the session cookie is then sent over HTTPS only. */
        @JsonProperty
        private boolean secureCookie = false;

        public String linkSecret() {
            return linkSecret;
        }

        public int cacheSeconds() {
            return cacheSeconds;
        }

        public boolean secureCookie() {
            return secureCookie;
        }
    }

    public DatabaseSettings database() {
        return database;
    }

    public RenderingConfiguration rendering() {
        return rendering;
    }

    public BillingConfiguration billing() {
        return billing;
    }

    public String dataDir() {
        return dataDir;
    }

    public String ratingUrl() {
        return ratingUrl;
    }

    public String timeseriesUrl() {
        return timeseriesUrl;
    }

    /** How the time-series API is called: noauth, basic or keystone (the empty setting resolved). */
    public String timeseriesAuth() {
        if (!timeseriesAuth.isEmpty()) {
            return timeseriesAuth;
        }
        return authMode.equals("keystone") ? "keystone" : "basic";
    }

    /** Whether the service signs in to Keystone to call the other APIs with a token of its own. */
    public boolean signsInToKeystone() {
        return authMode.equals("keystone") || timeseriesAuth().equals("keystone");
    }

    public String timeseriesUser() {
        return timeseriesUser;
    }

    public String ratingToken() {
        return ratingToken;
    }

    public String authMode() {
        return authMode;
    }

    public Set<String> financeUsers() {
        return Arrays.stream(financeUsers.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    public PortalSettings portal() {
        return portal;
    }

    public KeystoneConfiguration keystone() {
        return keystone;
    }

    @JsonIgnore
    @AssertTrue(
            message = "keystone.password (METERFLOW_KEYSTONE_PASSWORD) is needed: the service signs in to Keystone"
                    + " under authMode keystone or timeseriesAuth keystone")
    public boolean isKeystonePasswordGivenWhereNeeded() {
        return !signsInToKeystone() || !keystone.settings().password().isEmpty();
    }

    public String policyFile() {
        return policyFile;
    }
}
