package io.meterflow.keystone;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where Keystone is and who the service is there: what keystonemiddleware's {@code [keystone_authtoken]}
 * holds. The service user must be allowed to validate tokens (Keystone's {@code service} or
 * {@code admin} role).
 *
 * @param url the Identity v3 endpoint, e.g. {@code http://127.0.0.1:5000/v3}
 * @param cacheTime how long a validated token is trusted before Keystone is asked again
 *     (keystonemiddleware's {@code token_cache_time}): a revoked token is refused within it
 * @param serviceTokenRoles a token in {@code X-Service-Token} is a service token only if it carries
 *     one of these roles (keystonemiddleware's {@code service_token_roles})
 * @param serviceTokenRolesRequired whether a service token without one of those roles makes the
 *     request fail (keystonemiddleware's {@code service_token_roles_required}, recommended); if not,
 *     it is recorded but lets no expired user token through
 * @param allowExpiredWindow how long after its expiry a user token is still accepted together with
 *     a service token, for long-running operations (Keystone's own {@code allow_expired_window}
 *     also applies; both default to two days)
 * @param connectTimeout how long to wait for Keystone to accept a connection
 * @param requestTimeout how long to wait for Keystone's answer
 * @param memcachedServers Memcached servers shared by the services' processes as a second token
 *     cache (keystonemiddleware's {@code memcached_servers}); empty for none
 * @param memcachedSecretKey when not empty, the values in Memcached are signed with it
 *     (HMAC-SHA256, as keystonemiddleware's {@code memcache_security_strategy = MAC}) and unsigned
 *     or forged ones are ignored: whoever can write to Memcached cannot then forge an identity
 */
public record KeystoneSettings(
        URI url,
        String user,
        String password,
        String project,
        String domain,
        Duration cacheTime,
        Set<String> serviceTokenRoles,
        boolean serviceTokenRolesRequired,
        Duration allowExpiredWindow,
        Duration connectTimeout,
        Duration requestTimeout,
        List<InetSocketAddress> memcachedServers,
        String memcachedSecretKey) {

    public static final Set<String> DEFAULT_SERVICE_TOKEN_ROLES = Set.of("service");
    public static final Duration DEFAULT_ALLOW_EXPIRED_WINDOW = Duration.ofDays(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public KeystoneSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cacheTime, "cacheTime");
        serviceTokenRoles = Set.copyOf(serviceTokenRoles);
        Objects.requireNonNull(allowExpiredWindow, "allowExpiredWindow");
        memcachedServers = List.copyOf(memcachedServers);
        Objects.requireNonNull(memcachedSecretKey, "memcachedSecretKey");
        List<String> errors = new ArrayList<>();
        if (cacheTime.isNegative()) {
            errors.add("cacheTime must not be negative");
        }
        if (serviceTokenRoles.isEmpty()) {
            errors.add("serviceTokenRoles must name at least one role");
        }
        if (allowExpiredWindow.isNegative()) {
            errors.add("allowExpiredWindow must not be negative");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            errors.add("connectTimeout must be positive");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            errors.add("requestTimeout must be positive");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** The settings every service had before service tokens and Memcached: their defaults apply. */
    public KeystoneSettings(URI url, String user, String password, String project, String domain, Duration cacheTime) {
        this(
                url,
                user,
                password,
                project,
                domain,
                cacheTime,
                DEFAULT_SERVICE_TOKEN_ROLES,
                true,
                DEFAULT_ALLOW_EXPIRED_WINDOW,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                List.of(),
                "");
    }

    public KeystoneSettings withUrl(URI keystone) {
        return new KeystoneSettings(
                keystone,
                user,
                password,
                project,
                domain,
                cacheTime,
                serviceTokenRoles,
                serviceTokenRolesRequired,
                allowExpiredWindow,
                connectTimeout,
                requestTimeout,
                memcachedServers,
                memcachedSecretKey);
    }

    public KeystoneSettings withServiceTokens(Set<String> roles, boolean rolesRequired, Duration allowExpired) {
        return new KeystoneSettings(
                url,
                user,
                password,
                project,
                domain,
                cacheTime,
                roles,
                rolesRequired,
                allowExpired,
                connectTimeout,
                requestTimeout,
                memcachedServers,
                memcachedSecretKey);
    }

    public KeystoneSettings withTimeouts(Duration connect, Duration request) {
        return new KeystoneSettings(
                url,
                user,
                password,
                project,
                domain,
                cacheTime,
                serviceTokenRoles,
                serviceTokenRolesRequired,
                allowExpiredWindow,
                connect,
                request,
                memcachedServers,
                memcachedSecretKey);
    }

    public KeystoneSettings withMemcached(List<InetSocketAddress> servers, String secretKey) {
        return new KeystoneSettings(
                url,
                user,
                password,
                project,
                domain,
                cacheTime,
                serviceTokenRoles,
                serviceTokenRolesRequired,
                allowExpiredWindow,
                connectTimeout,
                requestTimeout,
                servers,
                secretKey);
    }

    /**
     * Memcached servers as keystonemiddleware's {@code memcached_servers} lists them:
     * {@code host:port} separated by commas, {@code [::1]:11211} for IPv6; blank for none.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code host:port}
     */
    public static List<InetSocketAddress> parseMemcachedServers(String servers) {
        List<InetSocketAddress> parsed = new ArrayList<>();
        if (servers == null || servers.isBlank()) {
            return parsed;
        }
        for (String entry : servers.split(",")) {
            String server = entry.strip();
            int colon = server.lastIndexOf(':');
            String host = colon > 0 ? server.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(server.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException(
                        "memcached server '" + server + "' is not host:port (e.g. 127.0.0.1:11211)");
            }
            parsed.add(InetSocketAddress.createUnresolved(host, port));
        }
        return parsed;
    }

    URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
