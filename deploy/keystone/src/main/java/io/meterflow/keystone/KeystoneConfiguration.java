package io.meterflow.keystone;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keystone as every Meterflow service's YAML configures it (the same {@code METERFLOW_KEYSTONE_*}
 * variables everywhere): where it is, the service's own credentials, service tokens, timeouts and
 * the shared Memcached. Each default is written once, here or as a {@link KeystoneSettings} constant.
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

    /** Comma-separated roles that make an X-Service-Token a service token (service_token_roles). */
    @NotNull
    @Pattern(regexp = "\\s*[^,\\s]+\\s*(,\\s*[^,\\s]+\\s*)*", message = "must name roles separated by commas")
    @JsonProperty
    private String serviceTokenRoles = String.join(",", KeystoneSettings.DEFAULT_SERVICE_TOKEN_ROLES);

    /** Whether a service token without those roles fails the request (service_token_roles_required). */
    @JsonProperty
    private boolean serviceTokenRolesRequired = true;

    /** Seconds after its expiry a user token is accepted with a valid service token. */
    @Min(0)
    @JsonProperty
    private long allowExpiredSeconds = KeystoneSettings.DEFAULT_ALLOW_EXPIRED_WINDOW.toSeconds();

    /** Seconds to wait for Keystone to accept a connection. */
    @Min(1)
    @JsonProperty
    private int connectTimeoutSeconds = (int) KeystoneSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();

    /** Seconds to wait for Keystone's answer. */
    @Min(1)
    @JsonProperty
    private int requestTimeoutSeconds = (int) KeystoneSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds();

    /** Comma-separated host:port of the Memcached servers shared as a token cache; empty for none. */
    @NotNull
    @Pattern(
            regexp =
                    "|\\s*([^,\\s:]+|\\[[0-9a-fA-F:.]+\\]):\\d{1,5}\\s*(,\\s*([^,\\s:]+|\\[[0-9a-fA-F:.]+\\]):\\d{1,5}\\s*)*",
            message = "must be host:port separated by commas, e.g. 10.0.0.5:11211,10.0.0.6:11211")
    @JsonProperty
    private String memcachedServers = "";

    /** When not empty, the values kept in Memcached are signed with it (HMAC-SHA256). */
    @NotNull
    @JsonProperty
    private String memcachedSecretKey = "";

    public KeystoneSettings settings() {
        Set<String> roles = Arrays.stream(serviceTokenRoles.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new KeystoneSettings(URI.create(url), user, password, project, domain, Duration.ofSeconds(cacheSeconds))
                .withServiceTokens(roles, serviceTokenRolesRequired, Duration.ofSeconds(allowExpiredSeconds))
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(requestTimeoutSeconds))
                .withMemcached(KeystoneSettings.parseMemcachedServers(memcachedServers), memcachedSecretKey);
    }
}
