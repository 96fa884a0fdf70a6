package io.meterflow.rating.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.policy.RuleDefault;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every call the rating API's policy names, behind a real Keystone: without a token it is a 401;
 * the admin is never refused; a project's reader is refused exactly the calls whose default rule
 * is the admin's, and allowed those open to a project's reader or to anyone. This checks that each
 * endpoint reaches the rule its documentation names. A Keystone that cannot be asked makes every
 * guarded call a 503, never access. Skipped without a Keystone (METERFLOW_TEST_KEYSTONE_URL).
 */
@RealServices
class EveryEndpointAccessIT {

    private static final String SOME_ID = "6f3a3c1e-0000-4000-8000-000000000000";

    private static KeystoneServer keystone;
    private static RatingApiFixture api;
    private static String admin;
    private static String alphaReader;

    private record Call(String rule, String checkString, String method, String path) {}

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        String alpha = keystone.createProject("alpha");
        keystone.createUser("rita", alpha, "reader");
        admin = keystone.adminToken();
        alphaReader = keystone.token("rita", alpha);
        api = RatingApiFixture.start(db, settings(keystone.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static Map<String, String> settings(String keystoneUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("authMode", "keystone");
        settings.put("keystone.url", keystoneUrl);
        settings.put("keystone.user", keystone.adminUser());
        settings.put("keystone.password", keystone.adminPassword());
        settings.put("keystone.project", keystone.adminProject());
        return settings;
    }

    /** One request per documented operation, path parameters filled with an id nothing has. */
    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (RuleDefault rule : RatingPolicies.defaults()) {
            for (String operation : rule.operations()) {
                String[] parts = operation.split(" ", 2);
                String path = parts[1].replaceAll("\\{[^}]+}", SOME_ID).replace("*", "hashmap/services");
                List<String> methods = parts[0].equals("ANY") ? List.of("GET", "DELETE") : List.of(parts[0]);
                for (String method : methods) {
                    calls.add(new Call(rule.name(), rule.checkString(), method, path));
                }
            }
        }
        return calls;
    }

    private static RatingApiFixture.Reply call(RatingApiFixture on, String token, Call call) {
        Object body = call.method().equals("GET") || call.method().equals("DELETE") ? null : Map.of();
        return on.withToken(token, call.method(), call.path(), body);
    }

    @Test
    void everyDocumentedCallIsJudgedByItsRule() {
        List<Call> calls = calls();
        assertThat(calls).hasSizeGreaterThan(40);
        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls) {
            String what = call.method() + " " + call.path() + " (" + call.rule() + ")";
            softly.assertThat(call(api, null, call).status())
                    .as("no token: " + what)
                    .isEqualTo(401);
            softly.assertThat(call(api, admin, call).status())
                    .as("admin: " + what)
                    .isNotIn(401, 403)
                    .isLessThan(500);
            int asReader = call(api, alphaReader, call).status();
            if (call.checkString().equals("role:admin")) {
                softly.assertThat(asReader).as("a project's reader: " + what).isEqualTo(403);
            } else {
                softly.assertThat(asReader)
                        .as("a project's reader: " + what)
                        .isNotIn(401, 403)
                        .isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void aKeystoneThatCannotBeAskedIsA503OnEveryGuardedCall(PostgresDatabase db) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (RatingApiFixture down = RatingApiFixture.start(db, settings("http://127.0.0.1:" + closed + "/v3"))) {
            SoftAssertions softly = new SoftAssertions();
            for (Call call : calls()) {
                RatingApiFixture.Reply reply = call(down, "some-token", call);
                softly.assertThat(reply.status())
                        .as(call.method() + " " + call.path())
                        .isEqualTo(503);
                softly.assertThat(reply.body()).as(call.path()).contains("Keystone is not available");
            }
            softly.assertAll();
            assertThat(down.withToken(null, "GET", "/v2/summary", null).status())
                    .isEqualTo(401);
        }
    }
}
