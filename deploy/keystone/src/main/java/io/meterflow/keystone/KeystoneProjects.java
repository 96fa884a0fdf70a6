package io.meterflow.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The projects Keystone knows, as CloudKitty's Keystone fetcher finds the ones to rate: those on
 * which the service's own user holds a role (CloudKitty's {@code rating}), directly, through a
 * group or inherited from the domain, in one role-assignments query.
 */
public final class KeystoneProjects {

    private final KeystoneTokens keystone;

    public KeystoneProjects(KeystoneTokens keystone) {
        this.keystone = keystone;
    }

    /**
     * @return the ids of the projects where the service user holds {@code role}, in Keystone's order
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public List<String> whereServiceHolds(String role) {
        String user = URLEncoder.encode(keystone.serviceUserId(), StandardCharsets.UTF_8);
        JsonNode answer = keystone.getAsService("role_assignments?effective&include_names&user.id=" + user);
        Set<String> projects = new LinkedHashSet<>();
        for (JsonNode assignment : answer.path("role_assignments")) {
            String project = assignment.path("scope").path("project").path("id").asText(null);
            if (project != null
                    && role.equals(assignment.path("role").path("name").asText())) {
                projects.add(project);
            }
        }
        return new ArrayList<>(projects);
    }

    /** A Keystone domain: its id and name. */
    public record Domain(String id, String name) {}

    /**
     * The domain a project belongs to, as billing by domain groups projects.
     *
     * @return empty when Keystone does not know the project (deleted since it was rated)
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public java.util.Optional<Domain> domainOf(String projectId) {
        String project = URLEncoder.encode(projectId, StandardCharsets.UTF_8);
        return keystone.findAsService("projects/" + project).map(answer -> {
            String domainId = answer.path("project").path("domain_id").asText();
            String name = keystone.findAsService("domains/" + URLEncoder.encode(domainId, StandardCharsets.UTF_8))
                    .map(domain -> domain.path("domain").path("name").asText(domainId))
                    .orElse(domainId);
            return new Domain(domainId, name);
        });
    }
}
