package io.meterflow.reports.portal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.reports.portal.ProjectId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone sign-in: {@code POST /v3/auth/tokens} with the tenant's password and a project scope,
 * or with an application credential (which carries its own project). Keystone checks the password
 * and that the user holds a role on the project; the token's project and roles become the session.
 * The token itself is not kept (the portal reads with the service's own credentials once it has
 * settled the project), and neither is the password.
 */
final class KeystoneAuthenticator implements PortalAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);
    /** Keystone's project ids: 32 hex digits. Anything else typed in the project field is a name. */
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f]{32}");

    static final String REFUSED = "Keystone refused those credentials. Check the user name, password and project.";
    static final String NO_ROLE = "Your user has no role on that project.";
    static final String INCOMPLETE =
            "Enter your user name, password and project, or an application credential's id and secret.";
    static final String UNAVAILABLE = "Keystone is not available. Please try again shortly.";

    private final URI tokens;
    private final String domain;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    KeystoneAuthenticator(URI identityUrl, String domain, HttpClient http, Duration timeout) {
        String base = identityUrl.toString();
        this.tokens = URI.create((base.endsWith("/") ? base : base + "/") + "auth/tokens?nocatalog");
        this.domain = domain;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public SignInOutcome signIn(SignInForm form) {
        ObjectNode body;
        if (form.credentialId() != null && form.credentialSecret() != null) {
            body = applicationCredential(form);
        } else if (form.user() != null && form.password() != null && form.project() != null) {
            body = password(form);
        } else {
            return new SignInOutcome.Refused(INCOMPLETE);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(tokens)
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Keystone at {} cannot be reached for a portal sign-in: {}", tokens, e.toString());
            return new SignInOutcome.Unavailable(UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignInOutcome.Unavailable(UNAVAILABLE);
        }
        int status = answer.statusCode();
        if (status == 201 || status == 200) {
            return accepted(answer.body());
        }
        if (status >= 500) {
            LOG.warn("Keystone answered {} to a portal sign-in", status);
            return new SignInOutcome.Unavailable(UNAVAILABLE);
        }
        // 401: wrong password, unknown user or project, or no role on the project (Keystone says
        // "has no access to project"); 400: a malformed request; 404: an unknown credential.
        LOG.info("Keystone refused a portal sign-in ({}) for user {}", status, form.user());
        return new SignInOutcome.Refused(answer.body().contains("has no access to project") ? NO_ROLE : REFUSED);
    }

    private SignInOutcome accepted(String body) {
        JsonNode token;
        try {
            token = json.readTree(body).path("token");
        } catch (IOException e) {
            LOG.warn("Keystone's token answer is not JSON");
            return new SignInOutcome.Unavailable(UNAVAILABLE);
        }
        String project = token.path("project").path("id").asText(null);
        if (project == null || !ProjectId.isValid(project)) {
            return new SignInOutcome.Refused("That sign-in is not scoped to a project.");
        }
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        if (roles.isEmpty()) {
            return new SignInOutcome.Refused(NO_ROLE);
        }
        return new SignInOutcome.Accepted(
                new ProjectId(project), token.path("user").path("name").asText(""), roles);
    }

    private ObjectNode password(SignInForm form) {
        ObjectNode body = json.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", form.user());
        user.putObject("domain").put("name", domain);
        user.put("password", form.password());
        ObjectNode project = auth.putObject("scope").putObject("project");
        if (PROJECT_ID.matcher(form.project()).matches()) {
            project.put("id", form.project());
        } else {
            project.put("name", form.project());
            project.putObject("domain").put("name", domain);
        }
        return body;
    }

    private ObjectNode applicationCredential(SignInForm form) {
        ObjectNode body = json.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential")
                .put("id", form.credentialId())
                .put("secret", form.credentialSecret());
        return body;
    }

    @Override
    public SignInFields fields() {
        return SignInFields.KEYSTONE;
    }
}
