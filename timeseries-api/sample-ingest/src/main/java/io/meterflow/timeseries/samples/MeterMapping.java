package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which resource type each meter's samples describe, Meterflow's counterpart of Ceilometer's
 * {@code gnocchi_resources.yaml}. The file (built in: {@code sample-resources.yaml}) reads:
 *
 * <pre>
 * resource_types:
 *   instance:
 *     meters:               # name or shell-style pattern: archive policy, or empty for the rules
 *       memory:
 *       cpu: ceilometer-low-rate
 *     attributes:           # attribute: paths in resource_metadata, first non-null wins
 *       host: [instance_host, host]
 * </pre>
 *
 * An exact name wins over patterns; patterns are tried in file order. A meter named twice is an
 * error, and every error of a file is reported at once.
 */
final class MeterMapping {

    static final String BUILT_IN = "sample-resources.yaml";
    /** Meter names are a small set; this only bounds what garbage names could make the memo hold. */
    private static final int MEMO_LIMIT = 10_000;

    private record PatternMeter(Pattern pattern, MappedMeter meter) {}

    private final Map<String, MappedMeter> exact;
    private final List<PatternMeter> patterns;
    private final ConcurrentHashMap<String, Optional<MappedMeter>> memo = new ConcurrentHashMap<>();

    private MeterMapping(Map<String, MappedMeter> exact, List<PatternMeter> patterns) {
        this.exact = Map.copyOf(exact);
        this.patterns = List.copyOf(patterns);
    }

    /** The mapping of this meter, if any resource type claims it. */
    Optional<MappedMeter> find(String meterName) {
        MappedMeter named = exact.get(meterName);
        if (named != null) {
            return Optional.of(named);
        }
        Optional<MappedMeter> known = memo.get(meterName);
        if (known != null) {
            return known;
        }
        Optional<MappedMeter> matched = patterns.stream()
                .filter(p -> p.pattern().matcher(meterName).matches())
                .map(PatternMeter::meter)
                .findFirst();
        if (memo.size() < MEMO_LIMIT) {
            memo.put(meterName, matched);
        }
        return matched;
    }

    static MeterMapping builtIn() {
        try (InputStream in = MeterMapping.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), BUILT_IN);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + BUILT_IN + ": " + unreadable.getMessage(), unreadable);
        }
    }

    static MeterMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), file.toString());
        } catch (IOException unreadable) {
            throw new IllegalStateException(
                    "cannot read the sample mapping " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    static MeterMapping parse(JsonNode document, String source) {
        List<String> errors = new ArrayList<>();
        Map<String, MappedMeter> exact = new HashMap<>();
        List<PatternMeter> patterns = new ArrayList<>();
        Map<String, String> claimedBy = new HashMap<>();
        JsonNode types = document == null ? null : document.get("resource_types");
        if (types == null || !types.isObject()) {
            throw new IllegalStateException(source + ": needs a resource_types map");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            String where = source + ": resource type " + type.getKey();
            JsonNode body = type.getValue();
            if (body == null || !body.isObject()) {
                errors.add(where + " is not a map");
                continue;
            }
            body.fieldNames().forEachRemaining(key -> {
                if (!Set.of("meters", "attributes").contains(key)) {
                    errors.add(where + ": unknown key " + key + " (meters, attributes)");
                }
            });
            ResourceMapping resource =
                    new ResourceMapping(type.getKey(), attributes(body.get("attributes"), where, errors));
            JsonNode meters = body.get("meters");
            if (meters == null || !meters.isObject() || meters.isEmpty()) {
                errors.add(where + ": meters must be a non-empty map of meter name to archive policy (or empty)");
                continue;
            }
            meters.fields().forEachRemaining(meter -> {
                String name = meter.getKey();
                JsonNode policy = meter.getValue();
                if (policy != null && !policy.isNull() && !policy.isTextual()) {
                    errors.add(where + ": meter " + name + ": the archive policy must be a name or empty");
                    return;
                }
                String previous = claimedBy.putIfAbsent(name, type.getKey());
                if (previous != null) {
                    errors.add(where + ": meter " + name + " is already mapped to " + previous);
                    return;
                }
                MappedMeter mapped = new MappedMeter(
                        resource,
                        policy == null || policy.isNull() || policy.asText().isBlank() ? null : policy.asText());
                if (name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) {
                    patterns.add(new PatternMeter(ArchivePolicyRule.globToRegex(name), mapped));
                } else {
                    exact.put(name, mapped);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The sample mapping is invalid:\n  " + String.join("\n  ", errors));
        }
        return new MeterMapping(exact, patterns);
    }

    private static Map<String, List<String>> attributes(JsonNode attributes, String where, List<String> errors) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        if (attributes == null || attributes.isNull()) {
            return paths;
        }
        if (!attributes.isObject()) {
            errors.add(where + ": attributes must be a map of attribute to metadata paths");
            return paths;
        }
        attributes.fields().forEachRemaining(attribute -> {
            JsonNode value = attribute.getValue();
            List<String> alternatives = new ArrayList<>();
            if (value != null && value.isTextual()) {
                alternatives.add(value.asText());
            } else if (value != null && value.isArray()) {
                value.forEach(path -> alternatives.add(path.isTextual() ? path.asText() : ""));
            }
            if (alternatives.isEmpty() || alternatives.stream().anyMatch(String::isBlank)) {
                errors.add(where + ": attribute " + attribute.getKey()
                        + " needs a metadata path or a list of them (dotted, inside resource_metadata)");
                return;
            }
            paths.put(attribute.getKey(), List.copyOf(alternatives));
        });
        return paths;
    }
}
