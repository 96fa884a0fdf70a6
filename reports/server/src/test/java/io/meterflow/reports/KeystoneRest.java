package io.meterflow.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.testsupport.KeystoneServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What these tests need of Keystone beyond test-support's {@link KeystoneServer}, through
 * Keystone's own REST API: a user holding a role on a domain (finance, as the shared fixture's
 * fiona), domain-scoped tokens, application credentials. Deletes what it created.
 */
final class KeystoneRest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneServer keystone;
    private final URI url;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> users = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    KeystoneRest(KeystoneServer keystone) {
        this.keystone = keystone;
        this.url = URI.create(keystone.url() + "/");
    }

    /** A user of domain Default holding {@code role} on the domain itself. @return its name */
    String createDomainUser(String base, String role) throws IOException {
        String name = "mf-reports-" + UUID.randomUUID().toString().substring(0, 8) + "-" + base;
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("name", name).put("domain_id", "default").put("password", base + "-pass");
        String userId = call("POST", "users", body, 201).path("user").path("id").asText();
        users.add(userId);
        call("PUT", "domains/default/users/" + userId + "/roles/" + roleId(role), null, 204);
        return name;
    }

    /** A token scoped to domain Default, as fiona's finance token is. */
    String domainToken(String user, String password) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        identity.putObject("password")
                .putObject("user")
                .put("name", user)
                .put("password", password)
                .putObject("domain")
                .put("id", "default");
        auth.putObject("scope").putObject("domain").put("id", "default");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url.resolve("auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != 201) {
            throw new IOException("domain token refused: " + answer.statusCode() + " " + answer.body());
        }
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /**
     * An application credential with role member of the token's user, for the token's project
     * (Keystone wants the user's own token). @return its id and secret
     *
     * <p>Keystone 22 on SQLite (no foreign keys) leaves a deleted credential's role rows behind, and
     * a new credential can take the deleted one's internal id: its creation then fails (409,
     * "UNIQUE constraint failed: application_credential_role") or it inherits roles, some deleted.
     * So a credential is taken only once Keystone shows it with exactly the role asked for. A 409
     * means the next id is spoiled: a credential with a role of this class's own (granted to the
     * user on the project for that) takes the id, and is kept so the id stays taken.
     */
    String[] applicationCredential(String userToken, String projectId) throws IOException {
        String userId = tokenUser(userToken);
        URI credentials = url.resolve("users/" + userId + "/application_credentials");
        String burner = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            String secret = "secret-" + UUID.randomUUID();
            ObjectNode body = JSON.createObjectNode();
            ObjectNode credential = body.putObject("application_credential")
                    .put("name", "portal-" + UUID.randomUUID())
                    .put("secret", secret);
            credential.putArray("roles").addObject().put("name", "member");
            HttpResponse<String> created = send(HttpRequest.newBuilder(credentials)
                    .header("X-Auth-Token", userToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build());
            if (created.statusCode() == 409) {
                if (burner == null) {
                    burner = roleId(
                            "mf-reports-spoiled-" + UUID.randomUUID().toString().substring(0, 8));
                    call("PUT", "projects/" + projectId + "/users/" + userId + "/roles/" + burner, null, 204);
                }
                ObjectNode taking = JSON.createObjectNode();
                taking.putObject("application_credential")
                        .put("name", "spoiled-" + UUID.randomUUID())
                        .putArray("roles")
                        .addObject()
                        .put("id", burner);
                send(HttpRequest.newBuilder(credentials)
                        .header("X-Auth-Token", userToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(taking.toString()))
                        .build());
                continue;
            }
            if (created.statusCode() != 201) {
                throw new IOException("application credential refused: " + created.statusCode() + " " + created.body());
            }
            String id = JSON.readTree(created.body())
                    .path("application_credential")
                    .path("id")
                    .asText();
            HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(credentials + "/" + id))
                    .header("X-Auth-Token", userToken)
                    .GET()
                    .build());
            if (shown.statusCode() != 200) {
                continue;
            }
            JsonNode roles =
                    JSON.readTree(shown.body()).path("application_credential").path("roles");
            if (roles.size() == 1 && roles.get(0).path("name").asText().equals("member")) {
                return new String[] {id, secret};
            }
        }
        throw new IOException("Keystone gave no clean application credential in 10 attempts");
    }

    private String tokenUser(String token) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url.resolve("auth/tokens"))
                .header("X-Auth-Token", keystone.adminToken())
                .header("X-Subject-Token", token)
                .GET()
                .build());
        return JSON.readTree(answer.body())
                .path("token")
                .path("user")
                .path("id")
                .asText();
    }

    private String roleId(String role) throws IOException {
        JsonNode found = call("GET", "roles?name=" + role, null, 200).path("roles");
        if (!found.isEmpty()) {
            return found.get(0).path("id").asText();
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("role").put("name", role);
        String id = call("POST", "roles", body, 201).path("role").path("id").asText();
        roles.add(id);
        return id;
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) throws IOException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url.resolve(path))
                .header("X-Auth-Token", keystone.adminToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != expected) {
            throw new IOException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
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

    /** Deletes the users (and with them their assignments and credentials) and the roles created. */
    @Override
    public void close() throws IOException {
        for (String user : users) {
            call("DELETE", "users/" + user, null, 204);
        }
        for (String role : roles) {
            call("DELETE", "roles/" + role, null, 204);
        }
        users.clear();
        roles.clear();
    }
}
