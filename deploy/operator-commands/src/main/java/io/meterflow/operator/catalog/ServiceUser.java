package io.meterflow.operator.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user the Meterflow services sign in to Keystone as ({@code METERFLOW_KEYSTONE_USER} and the
 * variables beside it): validating tokens needs the {@code service} role, listing projects for
 * the rating processor the {@code admin} role, both on the service project, as every OpenStack
 * service user holds them.
 *
 * @param password empty when only deleting the user
 */
public record ServiceUser(String name, Optional<String> password, String project, String domain) {

    /** The roles the user gets on the project. */
    public static final List<String> ROLES = List.of("service", "admin");

    public ServiceUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(domain, "domain");
    }
}
