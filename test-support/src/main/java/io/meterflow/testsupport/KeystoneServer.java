package io.meterflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real Keystone for one test class, given by the environment: {@code METERFLOW_TEST_KEYSTONE_URL}
 * (the v3 endpoint) and the cloud admin's {@code METERFLOW_TEST_KEYSTONE_ADMIN_USER} (admin),
 * {@code _ADMIN_PASSWORD} (admin-pass) and {@code _ADMIN_PROJECT} (admin), in domain Default.
 * Keystone cannot run inside a JVM, so without the URL there is none and the class's Keystone
 * tests are skipped; {@code .ci/run} starts one with {@code .ci/keystone}.
 *
 * <p>Everything a class creates (projects, users, role assignments) is named with a prefix of its
 * own and deleted by {@link #close()}; the roles admin, member and reader are Keystone's own.
 */
public final class KeystoneServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String adminUser;
    private final String adminPassword;
    private final String adminProject;
    private final String prefix = "mf-test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> createdProjects = new ArrayList<>();
    private final List<String> createdRoles = new ArrayList<>();
    private final List<String> grants = new ArrayList<>();

    private KeystoneServer(URI url, String adminUser, String adminPassword, String adminProject) {
        this.url = url;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.adminProject = adminProject;
    }

    public static Optional<KeystoneServer> fromEnvironment() {
        Map<String, String> env = System.getenv();
        String url = env.get("METERFLOW_TEST_KEYSTONE_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new KeystoneServer(
                URI.create(url.endsWith("/") ? url : url + "/"),
                env.getOrDefault("METERFLOW_TEST_KEYSTONE_ADMIN_USER", "admin"),
                env.getOrDefault("METERFLOW_TEST_KEYSTONE_ADMIN_PASSWORD", "admin-pass"),
                env.getOrDefault("METERFLOW_TEST_KEYSTONE_ADMIN_PROJECT", "admin")));
    }

    /** The v3 endpoint, e.g. {@code http://127.0.0.1:5000/v3}. */
    public String url() {
        String text = url.toString();
        return text.substring(0, text.length() - 1);
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String adminProject() {
        return adminProject;
    }

    /** A project of this class in domain Default. @return its id */
    public String createProject(String base) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("project").put("name", prefix + base).put("domain_id", "default");
        String id =
                call("POST", "projects", body, 201).path("project").path("id").asText();
        createdProjects.add(id);
        return id;
    }

    /** A user of this class with {@code role} on the project; the password is {@code <base>-pass}. @return the user's name */
    public String createUser(String base, String projectId, String role) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user")
                .put("name", prefix + base)
                .put("domain_id", "default")
                .put("password", base + "-pass");
        String userId = call("POST", "users", body, 201).path("user").path("id").asText();
        createdUsers.add(userId);
        String roleId = call("GET", "roles?name=" + role, null, 200)
                .path("roles")
                .get(0)
                .path("id")
                .asText();
        call("PUT", "projects/" + projectId + "/users/" + userId + "/roles/" + roleId, null, 204);
        return prefix + base;
    }

    /**
     * Gives the cloud admin (the user services sign in as in these tests) {@code role} on the
     * project, creating the role if Keystone has none of that name; {@link #close()} takes the
     * assignment back and deletes a role it created.
     */
    public void grantAdmin(String role, String projectId) throws IOException {
        JsonNode found = call("GET", "roles?name=" + role, null, 200).path("roles");
        String roleId;
        if (found.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("role").put("name", role);
            roleId = call("POST", "roles", body, 201).path("role").path("id").asText();
            createdRoles.add(roleId);
        } else {
            roleId = found.get(0).path("id").asText();
        }
        String adminId = call("GET", "users?name=" + adminUser, null, 200)
                .path("users")
                .get(0)
                .path("id")
                .asText();
        String assignment = "projects/" + projectId + "/users/" + adminId + "/roles/" + roleId;
        call("PUT", assignment, null, 204);
        grants.add(assignment);
    }

    /** A token of a user of this class (password {@code <base>-pass}) scoped to the project. */
    public String token(String base, String projectId) throws IOException {
        return signIn(prefix + base, base + "-pass", Map.of("id", projectId));
    }

    /** A token of the cloud admin, scoped to the admin project. */
    public String adminToken() throws IOException {
        return signIn(adminUser, adminPassword, Map.of("name", adminProject, "domain", Map.of("id", "default")));
    }

    /** Revokes a token, as {@code openstack token revoke} does. */
    public void revoke(String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve("auth/tokens"))
                .header("X-Auth-Token", adminToken())
                .header("X-Subject-Token", token)
                .DELETE()
                .build();
        int status = send(request).statusCode();
        if (status != 204) {
            throw new IOException("Keystone answered " + status + " to revoking a token");
        }
    }

    private String signIn(String user, String password, Map<String, Object> project) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode userNode = identity.putObject("password").putObject("user");
        userNode.put("name", user).put("password", password).putObject("domain").put("id", "default");
        ((ObjectNode) body.get("auth")).putObject("scope").set("project", JSON.valueToTree(project));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url.resolve("auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != 201) {
            throw new IOException(
                    "Keystone refused " + user + "'s sign-in: " + answer.statusCode() + " " + answer.body());
        }
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .header("X-Auth-Token", adminToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> answer = send(request.build());
        if (answer.statusCode() != expected) {
            throw new IOException(
                    method + " " + path + ": Keystone answered " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Deletes the users and projects this class created. */
    @Override
    public void close() throws IOException {
        for (String grant : grants) {
            call("DELETE", grant, null, 204);
        }
        for (String role : createdRoles) {
            call("DELETE", "roles/" + role, null, 204);
        }
        grants.clear();
        createdRoles.clear();
        for (String user : createdUsers) {
            call("DELETE", "users/" + user, null, 204);
        }
        for (String project : createdProjects) {
            call("DELETE", "projects/" + project, null, 204);
        }
        createdUsers.clear();
        createdProjects.clear();
    }
}
