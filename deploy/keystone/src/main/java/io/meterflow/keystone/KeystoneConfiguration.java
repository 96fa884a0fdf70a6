package io.meterflow.keystone;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;

/**
 * Keystone as every Meterflow service's YAML configures it (the same {@code METERFLOW_KEYSTONE_*}
 * variables everywhere): where it is and the service's own credentials.
 */
public final class KeystoneConfiguration {

    @NotNull
    @Pattern(regexp = "https?://.+", message = "must be the Identity v3 URL, e.g. http://127.0.0.1:5000/v3")
    @JsonProperty
    private String url = "http://127.0.0.1:5000/v3";

    @NotNull
    @JsonProperty
    private String user = "meterflow";

    @NotNull
    @JsonProperty
    private String password = "";

    @NotNull
    @JsonProperty
    private String project = "service";

    @NotNull
    @JsonProperty
    private String domain = "Default";

    /** Seconds a validated token is trusted (keystonemiddleware's token_cache_time). */
    @Min(0)
    @JsonProperty
    private int cacheSeconds = 300;

    public KeystoneSettings settings() {
        return new KeystoneSettings(URI.create(url), user, password, project, domain, Duration.ofSeconds(cacheSeconds));
    }
}
