package io.meterflow.rating.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.meterflow.policy.Policy;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/**
 * Every call the rating API serves is guarded by a rule of its own: a new endpoint that no rule
 * lists would fall to {@code default}, which lets any caller through, as in CloudKitty.
 */
class GuardedCallsTest {

    private final GuardedCalls calls = new GuardedCalls(RatingPolicies.defaults());

    @Test
    void everyEndpointHasARuleOfItsOwn() {
        Map<String, String> unguarded = new TreeMap<>();
        Map<String, String> guarded = new TreeMap<>();
        for (String call : everyCall()) {
            String[] parts = call.split(" ", 2);
            String rule = calls.ruleFor(parts[0], parts[1]);
            (rule.equals("default") ? unguarded : guarded).put(call, rule);
        }
        // The version documents are public, as CloudKitty's acl_public_routes.
        assertThat(unguarded).containsOnlyKeys("GET /");
        assertThat(guarded).hasSizeGreaterThan(60);
    }

    @Test
    void callsFindTheirCloudKittyRule() {
        assertThat(calls.ruleFor("GET", "/v2/summary")).isEqualTo("summary:get_summary");
        assertThat(calls.ruleFor("GET", "/v2/summary/")).isEqualTo("summary:get_summary");
        assertThat(calls.ruleFor("GET", "/v1/rating/module_config/hashmap/services"))
                .isEqualTo("rating:module_config");
        assertThat(calls.ruleFor("DELETE", "/v1/rating/module_config/hashmap/mappings/abc"))
                .isEqualTo("rating:module_config");
        assertThat(calls.ruleFor("GET", "/v1/rating/modules/hashmap")).isEqualTo("rating:get_module");
        assertThat(calls.ruleFor("GET", "/v1/rating/modules")).isEqualTo("rating:list_modules");
        assertThat(calls.ruleFor("POST", "/v1/rating/quote")).isEqualTo("rating:quote");
        assertThat(calls.ruleFor("GET", "/v2/billing/charges")).isEqualTo("billing:get_charge");
        assertThat(calls.ruleFor("GET", "/v2/billing/plans/standard")).isEqualTo("billing:read");
    }

    @Test
    void theDefaultsParseAndEveryRuleTheyReferToExists() {
        Policy policy = Policy.of(RatingPolicies.defaults());
        for (String check : policy.effectiveRules().values()) {
            for (String word : check.replace("(", " ").replace(")", " ").split("\\s+")) {
                if (word.startsWith("rule:")) {
                    assertThat(policy.effectiveRules()).containsKey(word.substring(5));
                }
            }
        }
    }

    /** METHOD /path of every resource method, path parameters filled with a sample value. */
    private static List<String> everyCall() {
        List<String> calls = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.meterflow.rating")) {
            if (type.isAnnotatedWith(Path.class)) {
                collect(Resource.from(type.reflect()), "", calls);
            }
        }
        return calls;
    }

    private static void collect(Resource resource, String parent, List<String> calls) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.getHttpMethod().equals("OPTIONS")) {
                calls.add(method.getHttpMethod() + " " + path.replaceAll("\\{[^}]+}", "x"));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, calls);
        }
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
