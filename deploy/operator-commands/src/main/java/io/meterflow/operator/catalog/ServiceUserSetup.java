package io.meterflow.operator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.operator.keystone.KeystoneAdmin;
import io.meterflow.operator.keystone.KeystoneException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Finds or makes the service user, its project and its roles, as a deployment tool does for each
 * OpenStack service. An existing user keeps its password: services already signed in with it
 * would otherwise stop validating tokens.
 */
final class ServiceUserSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneAdmin keystone;
    private final boolean dryRun;
    private final PrintStream out;

    ServiceUserSetup(KeystoneAdmin keystone, boolean dryRun, PrintStream out) {
        this.keystone = keystone;
        this.dryRun = dryRun;
        this.out = out;
    }

    void create(ServiceUser user) throws KeystoneException {
        String domain = domainId(user.domain());
        Optional<String> project = find("projects", user.project(), domain);
        if (project.isPresent()) {
            out.println("project " + user.project() + ": exists");
        } else if (!dryRun) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("project")
                    .put("name", user.project())
                    .put("domain_id", domain)
                    .put("description", "Service users");
            project = Optional.of(
                    keystone.post("projects", body).path("project").path("id").asText());
            out.println("project " + user.project() + ": created");
        } else {
            out.println("project " + user.project() + ": would be created");
        }
        Optional<String> userId = find("users", user.name(), domain);
        if (userId.isPresent()) {
            out.println("service user " + user.name() + ": exists (password unchanged)");
        } else if (!dryRun) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode node = body.putObject("user")
                    .put("name", user.name())
                    .put("domain_id", domain)
                    .put("password", user.password().orElseThrow())
                    .put("enabled", true);
            project.ifPresent(id -> node.put("default_project_id", id));
            userId = Optional.of(
                    keystone.post("users", body).path("user").path("id").asText());
            out.println("service user " + user.name() + ": created (password from METERFLOW_KEYSTONE_PASSWORD)");
        } else {
            out.println("service user " + user.name() + ": would be created");
        }
        for (String role : ServiceUser.ROLES) {
            grant(role, project, userId, user);
        }
    }

    private void grant(String role, Optional<String> project, Optional<String> user, ServiceUser serviceUser)
            throws KeystoneException {
        Optional<String> roleId =
                first(keystone.get("roles?name=" + KeystoneAdmin.query(role)).path("roles"));
        if (roleId.isEmpty()) {
            // Keystone's bootstrap makes admin, member and reader; `service` comes from the deployment tools.
            if (dryRun) {
                out.println("role " + role + ": would be created");
            } else {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("role").put("name", role);
                roleId = Optional.of(
                        keystone.post("roles", body).path("role").path("id").asText());
                out.println("role " + role + ": created");
            }
        }
        String what = "  role " + role + " on project " + serviceUser.project() + ": ";
        if (roleId.isEmpty() || project.isEmpty() || user.isEmpty()) {
            out.println(what + "would be granted");
            return;
        }
        String assignment = "projects/" + project.get() + "/users/" + user.get() + "/roles/" + roleId.get();
        if (keystone.exists(assignment)) {
            out.println(what + "held");
        } else {
            if (!dryRun) {
                keystone.put(assignment);
            }
            out.println(what + (dryRun ? "would be granted" : "granted"));
        }
    }

    /** Deletes the user (its role assignments go with it); the project stays for other services. */
    void delete(ServiceUser user) throws KeystoneException {
        Optional<String> userId = find("users", user.name(), domainId(user.domain()));
        if (userId.isEmpty()) {
            out.println("service user " + user.name() + ": does not exist");
            return;
        }
        if (!dryRun) {
            keystone.delete("users/" + userId.get());
        }
        out.println("service user " + user.name() + ": " + (dryRun ? "would be deleted" : "deleted"));
    }

    private String domainId(String name) throws KeystoneException {
        return first(keystone.get("domains?name=" + KeystoneAdmin.query(name)).path("domains"))
                .orElseThrow(() -> new KeystoneException("Keystone has no domain named " + name));
    }

    private Optional<String> find(String collection, String name, String domainId) throws KeystoneException {
        return first(keystone.get(collection + "?name=" + KeystoneAdmin.query(name) + "&domain_id="
                        + KeystoneAdmin.query(domainId))
                .path(collection));
    }

    private static Optional<String> first(JsonNode list) {
        return list.isEmpty()
                ? Optional.empty()
                : Optional.of(list.get(0).path("id").asText());
    }
}
