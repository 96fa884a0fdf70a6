package io.meterflow.reports.invoicing;

import java.util.Optional;

/**
 * Where a project's domain is looked up, for operators who bill one account per Keystone domain.
 * Empty when the project is unknown (deleted since it was rated): it is then billed on its own.
 */
@FunctionalInterface
public interface ProjectDomains {

    /** A domain: its id (the account is {@code domain-<id>}) and its name (the customer's name). */
    record Domain(String id, String name) {}

    Optional<Domain> of(String projectId);

    /** Every project billed on its own account, as CloudKitty bills per project. */
    ProjectDomains NONE = project -> Optional.empty();
}
