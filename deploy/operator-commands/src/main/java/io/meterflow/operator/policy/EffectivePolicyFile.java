package io.meterflow.operator.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.meterflow.policy.Policy;
import io.meterflow.policy.RuleDefault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service's policy in force, written as a policy file. Without an operator's file it is what
 * {@code oslopolicy-sample-generator} writes: every default, commented out, with what it guards.
 * With one, it is that sample with the file's changes in it, as {@code oslopolicy-policy-generator}
 * reports them: each rule the file changes or adds is written uncommented, with its default
 * beside it. Either way the text is a policy file that means what is in force: loaded over the
 * defaults, it gives the same rules.
 */
final class EffectivePolicyFile {

    /** Indented, {@code "name": "check"} as oslo.policy's generator writes JSON. */
    private static final ObjectWriter JSON = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private EffectivePolicyFile() {}

    /**
     * @param policy the defaults, with the operator's file merged or not
     * @param source how to name the operator's file in comments
     */
    static String yaml(List<RuleDefault> defaults, Policy policy, String source) {
        Map<String, String> effective = policy.effectiveRules();
        Set<String> defaultNames = new HashSet<>();
        Set<String> changed = new HashSet<>();
        List<RuleDefault> rules = new ArrayList<>();
        for (RuleDefault rule : defaults) {
            defaultNames.add(rule.name());
            String inForce = effective.get(rule.name());
            if (Objects.equals(inForce, rule.checkString())) {
                rules.add(rule);
            } else {
                changed.add(rule.name());
                rules.add(new RuleDefault(
                        rule.name(),
                        inForce,
                        rule.description() + "\nSet in " + source + "; the default is \"" + rule.checkString() + "\".",
                        rule.operations()));
            }
        }
        effective.forEach((name, check) -> {
            if (!defaultNames.contains(name)) {
                changed.add(name);
                rules.add(RuleDefault.base(name, check, "Added by " + source + "."));
            }
        });
        StringBuilder out = new StringBuilder();
        for (String line : Policy.of(rules).sampleFile().split("\n", -1)) {
            out.append(isRuleOf(line, changed) ? line.substring(1) : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Every rule in force as one JSON object, as {@code oslopolicy-sample-generator --format json} writes it. */
    static String json(Policy policy) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(policy.effectiveRules())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules are strings; they always serialise", e);
        }
    }

    /** The sample's commented rule line {@code #"name": "check"} of one of the names. */
    private static boolean isRuleOf(String line, Set<String> names) {
        if (!line.startsWith("#\"")) {
            return false;
        }
        int end = line.indexOf("\": \"");
        return end > 2 && names.contains(line.substring(2, end));
    }
}
