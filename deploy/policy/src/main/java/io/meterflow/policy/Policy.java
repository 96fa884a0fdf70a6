package io.meterflow.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service's policy as oslo.policy enforces it: its rule defaults, overridden rule by rule by an
 * operator's file (YAML or JSON, {@code "name": "check string"}), which may also add rules of its
 * own for others to refer to. A call whose rule the policy does not name is judged by the rule
 * {@code default}. Immutable; every string is parsed when the policy is made, so a mistake in a
 * file stops the service at start with the rule's name.
 */
public final class Policy {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<RuleDefault> defaults;
    private final Map<String, String> effective;
    private final Map<String, Check> rules;

    private Policy(List<RuleDefault> defaults, Map<String, String> effective) {
        this.defaults = defaults;
        this.effective = effective;
        Map<String, Check> parsed = new LinkedHashMap<>();
        effective.forEach((name, text) -> parsed.put(name, parse(name, text)));
        this.rules = Map.copyOf(parsed);
    }

    public static Policy of(List<RuleDefault> defaults) {
        return withOverrides(defaults, Map.of());
    }

    /** The defaults with {@code overrides} replacing or adding rules. */
    public static Policy withOverrides(List<RuleDefault> defaults, Map<String, String> overrides) {
        Map<String, String> effective = new LinkedHashMap<>();
        for (RuleDefault rule : defaults) {
            if (effective.put(rule.name(), rule.checkString()) != null) {
                throw new IllegalArgumentException("rule " + rule.name() + " is defined twice");
            }
        }
        effective.putAll(overrides);
        return new Policy(List.copyOf(defaults), effective);
    }

    /** The defaults overridden by the operator's file. */
    public static Policy load(List<RuleDefault> defaults, Path file) throws IOException {
        return withOverrides(defaults, read(file));
    }

    private static Map<String, String> read(Path file) throws IOException {
        JsonNode root;
        try {
            // YAML reads JSON too: oslo.policy accepts either.
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not YAML or JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, String> rules = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return rules; // an empty file, every line commented out: the defaults alone
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": must map rule names to check strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            if (!rule.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": rule " + rule.getKey() + " must be a check string");
            }
            rules.put(rule.getKey(), rule.getValue().asText());
        }
        return rules;
    }

    private static Check parse(String name, String text) {
        try {
            return CheckParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy rule " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the caller may make the call the rule guards.
     *
     * @param target what the call acts on, e.g. {@code project_id} of the project whose data it reads
     */
    public boolean allows(String rule, Map<String, Object> target, Credentials caller) {
        Objects.requireNonNull(target, "target");
        Check check = rules.containsKey(rule) ? rules.get(rule) : rules.get("default");
        return check != null && check.test(target, caller.asMap(), rules::get);
    }

    /** Every rule's check string in force: defaults, then the file's changes and additions. */
    public Map<String, String> effectiveRules() {
        return java.util.Collections.unmodifiableMap(effective);
    }

    /**
     * The defaults as a commented policy file, as {@code oslopolicy-sample-generator} writes one:
     * an operator uncomments and edits the rules to change.
     */
    public String sampleFile() {
        StringBuilder out = new StringBuilder();
        for (RuleDefault rule : defaults) {
            for (String line : rule.description().split("\n")) {
                out.append("# ").append(line).append('\n');
            }
            for (String operation : rule.operations()) {
                out.append("# ").append(operation).append('\n');
            }
            out.append("#\"")
                    .append(rule.name())
                    .append("\": \"")
                    .append(rule.checkString())
                    .append("\"\n\n");
        }
        return out.toString();
    }

    /** The defaults' names, in the order the service lists them. */
    public List<String> defaultNames() {
        List<String> names = new ArrayList<>();
        defaults.forEach(rule -> names.add(rule.name()));
        return names;
    }
}
