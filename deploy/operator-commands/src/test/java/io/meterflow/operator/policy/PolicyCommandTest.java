package io.meterflow.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.policy.Policy;
import io.meterflow.policy.RuleDefault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PolicyCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> asMap(List<RuleDefault> defaults) {
        Map<String, String> rules = new LinkedHashMap<>();
        defaults.forEach(rule -> rules.put(rule.name(), rule.checkString()));
        return rules;
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void theYamlSampleIsTheDefaultsCommentedOut(ServicePolicies service) throws Exception {
        Run sample = run(service.command());
        assertThat(sample.status()).isZero();
        assertThat(sample.out()).isEqualTo(Policy.of(service.defaults()).sampleFile());

        // Unedited, it changes nothing; uncommented, it is every default rule.
        Path asIs = Files.writeString(dir.resolve("as-is.yaml"), sample.out());
        assertThat(Policy.load(service.defaults(), asIs).effectiveRules()).isEqualTo(asMap(service.defaults()));
        Path uncommented =
                Files.writeString(dir.resolve("uncommented.yaml"), sample.out().replaceAll("(?m)^#\"", "\""));
        assertThat(Policy.load(List.of(), uncommented).effectiveRules()).isEqualTo(asMap(service.defaults()));
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void theJsonSampleIsEveryDefaultRule(ServicePolicies service) throws Exception {
        Run sample = run(service.command(), "--format", "json");
        assertThat(sample.status()).isZero();
        Path file = Files.writeString(dir.resolve("policy.json"), sample.out());
        assertThat(Policy.load(List.of(), file).effectiveRules()).isEqualTo(asMap(service.defaults()));
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void anOperatorsRuleShowsUncommentedBesideItsDefault(ServicePolicies service) throws Exception {
        RuleDefault changed = service.defaults().get(service.defaults().size() - 1);
        Path operators = Files.writeString(
                dir.resolve("policy.yaml"),
                "\"" + changed.name() + "\": \"role:admin and role:auditor\"\n\"my_rule\": \"role:auditor\"\n");

        Run effective = run(service.command(), "--policy-file", operators.toString());

        assertThat(effective.status()).as(effective.err()).isZero();
        assertThat(effective.out())
                .contains("\n\"" + changed.name() + "\": \"role:admin and role:auditor\"\n")
                .contains("# Set in policy.yaml; the default is \"" + changed.checkString() + "\".")
                .contains("\n\"my_rule\": \"role:auditor\"\n");
        RuleDefault untouched = service.defaults().get(0);
        assertThat(effective.out()).contains("\n#\"" + untouched.name() + "\": \"" + untouched.checkString() + "\"\n");
        // The output is a policy file that means what is in force.
        Path written = Files.writeString(dir.resolve("effective.yaml"), effective.out());
        Map<String, String> inForce = Policy.load(service.defaults(), operators).effectiveRules();
        assertThat(Policy.load(service.defaults(), written).effectiveRules()).isEqualTo(inForce);
        assertThat(inForce).containsEntry(changed.name(), "role:admin and role:auditor");

        // bin/meterflow rating|reports policy --file FILE, the services' own command line, says the same.
        assertThat(run(service.command(), "--file", operators.toString()).out()).isEqualTo(effective.out());

        Run json = run(service.command(), "--policy-file", operators.toString(), "--format=json");
        Path jsonFile = Files.writeString(dir.resolve("effective.json"), json.out());
        assertThat(Policy.load(List.of(), jsonFile).effectiveRules()).isEqualTo(inForce);
    }

    @ParameterizedTest
    @EnumSource(ServicePolicies.class)
    void aFileWithABrokenRuleIsRefusedNamingIt(ServicePolicies service) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "\"some_rule\": \"role:admin or (\"\n");
        Run refused = run(service.command(), "--policy-file", broken.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .startsWith("meterflow policy: policy rule some_rule")
                .hasLineCount(1);
    }

    @org.junit.jupiter.api.Test
    void wrongCommandLinesAreRefusedWithStatusTwo() {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("nova").err()).contains("unknown service 'nova'");
        assertThat(run("rating", "--format", "xml").err()).contains("--format must be yaml or json");
        Run missing = run("rating", "--policy-file", dir.resolve("absent.yaml").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.yaml: no such file").hasLineCount(1);
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out())
                .contains("usage: bin/meterflow policy SERVICE")
                .contains("rating")
                .contains("reports");
    }
}
