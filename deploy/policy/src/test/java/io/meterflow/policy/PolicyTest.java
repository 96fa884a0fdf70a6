package io.meterflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** oslo.policy's rule language, case by case, as its Python evaluates each. */
class PolicyTest {

    private static final Credentials READER_OF_P1 =
            new Credentials("u1", "p1", "default", List.of("Reader"), false, false);
    private static final Credentials ADMIN =
            new Credentials("u0", "admin-project", "default", List.of("admin"), true, true);
    private static final Map<String, Object> P1 = Map.of("project_id", "p1");
    private static final Map<String, Object> P2 = Map.of("project_id", "p2");

    private static boolean allows(String checkString, Map<String, Object> target, Credentials caller) {
        return Policy.of(List.of(RuleDefault.base("r", checkString, "test"))).allows("r", target, caller);
    }

    @Test
    void rolesCompareWithoutCase() {
        assertThat(allows("role:reader", P1, READER_OF_P1)).isTrue();
        assertThat(allows("role:READER", P1, READER_OF_P1)).isTrue();
        assertThat(allows("role:member", P1, READER_OF_P1)).isFalse();
    }

    @Test
    void aTargetValueIsSubstitutedAndAMissingOneFails() {
        assertThat(allows("project_id:%(project_id)s", P1, READER_OF_P1)).isTrue();
        assertThat(allows("project_id:%(project_id)s", P2, READER_OF_P1)).isFalse();
        assertThat(allows("project_id:%(project_id)s", Map.of(), READER_OF_P1)).isFalse();
        assertThat(allows("role:%(role)s", Map.of("role", "reader"), READER_OF_P1))
                .isTrue();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // admin or (member and reader): the reader alone is not enough.
        assertThat(allows("role:admin or role:member and role:reader", P1, READER_OF_P1))
                .isFalse();
        assertThat(allows("(role:admin or role:member) and role:reader", P1, READER_OF_P1))
                .isFalse();
        assertThat(allows("(role:admin or role:reader) and project_id:%(project_id)s", P1, READER_OF_P1))
                .isTrue();
        assertThat(allows("not role:admin and role:reader", P1, READER_OF_P1)).isTrue();
        assertThat(allows("not (role:admin or role:reader)", P1, READER_OF_P1)).isFalse();
        assertThat(allows("((role:reader))", P1, READER_OF_P1)).isTrue();
    }

    @Test
    void constantsAndLiterals() {
        assertThat(allows("", P1, READER_OF_P1)).isTrue();
        assertThat(allows("@", P1, READER_OF_P1)).isTrue();
        assertThat(allows("!", P1, ADMIN)).isFalse();
        assertThat(allows("is_admin:True", P1, ADMIN)).isTrue();
        assertThat(allows("is_admin:True", P1, READER_OF_P1)).isFalse();
        assertThat(allows("'p1':%(project_id)s", P1, READER_OF_P1)).isTrue();
        assertThat(allows("'p1':%(project_id)s", P2, READER_OF_P1)).isFalse();
        // A generic check on a list passes when any element matches.
        assertThat(allows("roles:Reader", P1, READER_OF_P1)).isTrue();
    }

    @Test
    void rulesReferToRulesAndAnUnknownOneFails() {
        Policy policy = Policy.of(List.of(
                RuleDefault.base("context_is_admin", "role:admin", "admin"),
                RuleDefault.base("project_reader_api", "role:reader and project_id:%(project_id)s", "reader"),
                RuleDefault.base("reader_or_admin", "rule:project_reader_api or rule:context_is_admin", "either"),
                RuleDefault.base("broken", "rule:nowhere", "unknown")));
        assertThat(policy.allows("reader_or_admin", P1, READER_OF_P1)).isTrue();
        assertThat(policy.allows("reader_or_admin", P2, READER_OF_P1)).isFalse();
        assertThat(policy.allows("reader_or_admin", P2, ADMIN)).isTrue();
        assertThat(policy.allows("broken", P1, ADMIN)).isFalse();
    }

    @Test
    void aCallWithoutARuleOfItsOwnIsJudgedByTheDefaultRule() {
        Policy none = Policy.of(List.of(RuleDefault.base("x", "role:admin", "x")));
        assertThat(none.allows("anything", P1, ADMIN)).isFalse();
        Policy open = Policy.of(List.of(RuleDefault.base("default", "", "anyone")));
        assertThat(open.allows("anything", P1, READER_OF_P1)).isTrue();
    }

    @Test
    void aMalformedCheckStringIsRefusedWithItsRuleNamed() {
        for (String broken :
                List.of("role:admin or", "(role:admin", "role:admin)", "and role:x", "admin", "role:a not")) {
            assertThatThrownBy(() -> Policy.of(List.of(RuleDefault.base("summary:get", broken, "x"))))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("summary:get");
        }
    }

    @Test
    void anOperatorsFileOverridesRuleByRuleInYamlOrJson(@TempDir Path dir) throws Exception {
        List<RuleDefault> defaults = List.of(
                RuleDefault.base("context_is_admin", "role:admin", "admin"),
                new RuleDefault("summary:get", "rule:context_is_admin", "Get a summary", List.of("GET /v2/summary")));
        Path yaml = Files.writeString(
                dir.resolve("policy.yaml"),
                "# finance reads summaries\n\"summary:get\": \"role:finance or rule:context_is_admin\"\n");
        Path json = Files.writeString(dir.resolve("policy.json"), "{\"context_is_admin\": \"role:cloud_admin\"}");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing changed\n");
        Credentials finance = new Credentials("f", "p9", "default", List.of("finance"), false, false);

        assertThat(Policy.load(defaults, yaml).allows("summary:get", P1, finance))
                .isTrue();
        assertThat(Policy.of(defaults).allows("summary:get", P1, finance)).isFalse();
        Policy fromJson = Policy.load(defaults, json);
        assertThat(fromJson.allows("summary:get", P1, ADMIN)).isFalse();
        assertThat(fromJson.effectiveRules()).containsEntry("summary:get", "rule:context_is_admin");
        assertThat(Policy.load(defaults, empty).effectiveRules())
                .isEqualTo(Policy.of(defaults).effectiveRules());

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "\"summary:get\": \"role:finance or\"\n");
        assertThatThrownBy(() -> Policy.load(defaults, broken)).hasMessageContaining("summary:get");
        Path notStrings = Files.writeString(dir.resolve("list.yaml"), "\"summary:get\": [role:finance]\n");
        assertThatThrownBy(() -> Policy.load(defaults, notStrings)).hasMessageContaining("summary:get");
    }

    @Test
    void theSampleFileListsEveryDefaultCommentedOutAndReadsBackAsTheDefaults(@TempDir Path dir) throws Exception {
        List<RuleDefault> defaults = List.of(
                RuleDefault.base("context_is_admin", "role:admin", "Decides who is admin."),
                new RuleDefault(
                        "summary:get_summary",
                        "rule:context_is_admin",
                        "Get a rating summary",
                        List.of("GET /v2/summary")));
        String sample = Policy.of(defaults).sampleFile();
        assertThat(sample)
                .contains(
                        "# Get a rating summary\n# GET /v2/summary\n#\"summary:get_summary\": \"rule:context_is_admin\"\n")
                .contains("#\"context_is_admin\": \"role:admin\"");
        Path file = Files.writeString(dir.resolve("sample.yaml"), sample);
        assertThat(Policy.load(defaults, file).effectiveRules())
                .isEqualTo(Policy.of(defaults).effectiveRules());
        // Uncommented, every rule reads back as its default.
        Path uncommented = Files.writeString(dir.resolve("all.yaml"), sample.replace("#\"", "\""));
        assertThat(Policy.load(defaults, uncommented).effectiveRules())
                .isEqualTo(Policy.of(defaults).effectiveRules());
    }
}
