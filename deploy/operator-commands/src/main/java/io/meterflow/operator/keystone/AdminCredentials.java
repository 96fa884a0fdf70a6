package io.meterflow.operator.keystone;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who signs in to Keystone to change it, taken as the {@code openstack} CLI takes it: the
 * {@code OS_*} variables of an admin's openrc, each overridden by its {@code --os-*} flag. Only
 * password authentication with a project scope, the shape of every openrc Keystone's bootstrap
 * and the deployment tools write.
 *
 * @param authUrl the Identity v3 endpoint; {@code http://host:5000} and {@code …/v3/} mean the same
 * @param userDomain the user's domain: a name, or an id when {@code userDomainIsId}
 * @param projectDomain the project's domain: a name, or an id when {@code projectDomainIsId}
 */
public record AdminCredentials(
        URI authUrl,
        String username,
        String password,
        String projectName,
        String userDomain,
        boolean userDomainIsId,
        String projectDomain,
        boolean projectDomainIsId) {

    public AdminCredentials {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(userDomain, "userDomain");
        Objects.requireNonNull(projectDomain, "projectDomain");
        authUrl = v3(authUrl);
    }

    /**
     * The credentials from {@code flags} ({@code --os-auth-url} … without their dashes, as the
     * command line gave them) over the environment's {@code OS_*} variables.
     *
     * @throws IllegalArgumentException naming every setting that is missing or malformed
     */
    public static AdminCredentials from(UnaryOperator<String> flags, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        String authUrl = setting("os-auth-url", "OS_AUTH_URL", flags, environment, problems);
        String username = setting("os-username", "OS_USERNAME", flags, environment, problems);
        String password = setting("os-password", "OS_PASSWORD", flags, environment, problems);
        String project = setting("os-project-name", "OS_PROJECT_NAME", flags, environment, problems);
        Optional<String> userDomainId = optional("os-user-domain-id", "OS_USER_DOMAIN_ID", flags, environment);
        Optional<String> projectDomainId = optional("os-project-domain-id", "OS_PROJECT_DOMAIN_ID", flags, environment);
        // The openstack CLI needs a domain; Keystone's bootstrap puts the admin in Default.
        String userDomain = optional("os-user-domain-name", "OS_USER_DOMAIN_NAME", flags, environment)
                .orElse("Default");
        String projectDomain = optional("os-project-domain-name", "OS_PROJECT_DOMAIN_NAME", flags, environment)
                .orElse("Default");
        URI url = null;
        if (authUrl != null) {
            url = URI.create(authUrl.trim());
            if (!List.of("http", "https").contains(String.valueOf(url.getScheme())) || url.getHost() == null) {
                problems.add("--os-auth-url / OS_AUTH_URL must be an http(s) URL, not '" + authUrl + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new AdminCredentials(
                url,
                username,
                password,
                project,
                userDomainId.orElse(userDomain),
                userDomainId.isPresent(),
                projectDomainId.orElse(projectDomain),
                projectDomainId.isPresent());
    }

    private static String setting(
            String flag,
            String variable,
            UnaryOperator<String> flags,
            UnaryOperator<String> environment,
            List<String> problems) {
        Optional<String> value = optional(flag, variable, flags, environment);
        if (value.isEmpty()) {
            problems.add("--" + flag + " or " + variable + " is needed");
        }
        return value.orElse(null);
    }

    private static Optional<String> optional(
            String flag, String variable, UnaryOperator<String> flags, UnaryOperator<String> environment) {
        String value = flags.apply(flag);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static URI v3(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text.endsWith("/v3") ? text : text + "/v3");
    }

    @Override
    public String toString() {
        // Never the password: this ends up in messages.
        return username + " on project " + projectName + " at " + authUrl;
    }
}
