package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.meter.path.JsonPath;
import io.meterflow.collector.meter.path.PathSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads Ceilometer's meters.yaml format unchanged: a {@code metric:} list whose entries name
 * event-type regular expressions, JSONPath attributes, {@code metadata} maps, {@code lookup} lists
 * and {@code timedelta} volumes, with YAML anchors and merge keys. Entries Ceilometer would reject
 * are skipped and reported in {@link Result#problems()}, as Ceilometer logs and skips them.
 */
public final class MeterDefinitionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MeterDefinitionLoader.class);
    private static final List<String> REQUIRED = List.of("name", "type", "event_type", "unit", "volume", "resource_id");
    private static final Set<String> TYPES = Set.of("gauge", "delta", "cumulative");

    private final ObjectMapper json;

    public MeterDefinitionLoader(ObjectMapper json) {
        this.json = json;
    }

    /** The definitions of several files; as in Ceilometer, a name already defined by an earlier file wins. */
    public record Result(MeterDefinitions definitions, List<String> problems) {}

    public Result load(List<Source> sources) {
        Map<String, MeterDefinition> definitions = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Source source : sources) {
            List<Map<String, Object>> entries = entries(source, problems);
            // Within one file the last entry of a name wins: Ceilometer walks the list backwards.
            for (int i = entries.size() - 1; i >= 0; i--) {
                Map<String, Object> entry = entries.get(i);
                String key = String.valueOf(entry.get("name"));
                if (definitions.containsKey(key)) {
                    LOG.warn("Skipping duplicate meter definition {} in {}", key, source.name());
                    continue;
                }
                List<String> entryProblems = new ArrayList<>();
                MeterDefinition definition = compile(entry, entryProblems);
                if (definition == null) {
                    entryProblems.forEach(p -> problems.add(source.name() + ", meter " + key + ": " + p));
                } else {
                    definitions.put(key, definition);
                }
            }
        }
        problems.forEach(p -> LOG.error("Meter definition skipped: {}", p));
        return new Result(new MeterDefinitions(List.copyOf(definitions.values())), List.copyOf(problems));
    }

    /** One meters.yaml text and the name it is reported under. */
    public record Source(String name, String yaml) {}

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Source source, List<String> problems) {
        Object document;
        try {
            document = new Yaml(new LoaderOptions()).load(source.yaml());
        } catch (RuntimeException e) {
            problems.add(source.name() + ": not YAML: " + e.getMessage());
            return List.of();
        }
        if (!(document instanceof Map<?, ?> top) || !(top.get("metric") instanceof List<?> metrics)) {
            problems.add(source.name() + ": no 'metric' list at the top");
            return List.of();
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object metric : metrics) {
            if (metric instanceof Map<?, ?> entry) {
                entries.add((Map<String, Object>) entry);
            } else {
                problems.add(source.name() + ": a 'metric' entry is not a map: " + metric);
            }
        }
        return entries;
    }

    private MeterDefinition compile(Map<String, Object> entry, List<String> problems) {
        List<String> missing =
                REQUIRED.stream().filter(f -> !present(entry.get(f))).toList();
        if (!missing.isEmpty()) {
            problems.add("required fields " + missing + " not specified");
            return null;
        }
        List<String> lookup = strings(entry.get("lookup"));
        String type = String.valueOf(entry.get("type"));
        if (!lookup.contains("type") && !TYPES.contains(type)) {
            problems.add("invalid type " + type);
        }
        List<Pattern> eventTypes = new ArrayList<>();
        for (String pattern : strings(entry.get("event_type"))) {
            try {
                eventTypes.add(Pattern.compile(PythonRegex.toJava(pattern)));
            } catch (PatternSyntaxException e) {
                problems.add("event_type " + pattern + ": " + e.getDescription());
            }
        }
        Map<String, Field> attributes = new LinkedHashMap<>();
        for (String attribute : MeterDefinition.ATTRIBUTES) {
            Object cfg = entry.get(attribute);
            if (!present(cfg)) {
                continue;
            }
            boolean literalAllowed = attribute.equals("name") || attribute.equals("type") || attribute.equals("unit");
            Field field = field(attribute, cfg, literalAllowed ? null : problems);
            if (field != null) {
                attributes.put(attribute, field);
            }
        }
        Map<String, Field> metadata = new LinkedHashMap<>();
        if (entry.get("metadata") instanceof Map<?, ?> metadataCfg) {
            metadataCfg.forEach((k, v) -> {
                Field field = field("metadata." + k, v, problems);
                if (field != null) {
                    metadata.put(String.valueOf(k), field);
                }
            });
        }
        Field userMetadata = present(entry.get("user_metadata"))
                ? field("user_metadata", entry.get("user_metadata"), problems)
                : null;
        if (!problems.isEmpty()) {
            return null;
        }
        return new MeterDefinition(
                String.valueOf(entry.get("name")),
                eventTypes,
                String.valueOf(entry.get("name")),
                type,
                String.valueOf(entry.get("unit")),
                attributes,
                metadata,
                userMetadata,
                lookup);
    }

    /**
     * A field's configuration as Ceilometer's {@code Definition} reads it: a number is a constant, a
     * string a JSONPath, a list of paths their union (first match wins), a map {@code fields} plus an
     * optional {@code plugin}. With {@code problems == null} a text that does not parse is a literal.
     */
    private Field field(String name, Object cfg, List<String> problems) {
        boolean timedelta = false;
        Object fields = cfg;
        if (cfg instanceof Map<?, ?> map) {
            fields = map.get("fields");
            if (fields == null) {
                return fail(problems, "the field 'fields' is required for " + name);
            }
            Object plugin = map.get("plugin");
            String pluginName = plugin instanceof Map<?, ?> p ? String.valueOf(p.get("name")) : (String) plugin;
            if (plugin != null && !"timedelta".equals(pluginName)) {
                return fail(problems, "plugin " + pluginName + " for " + name + " is not supported (only timedelta)");
            }
            timedelta = plugin != null;
        }
        if (fields instanceof Number || fields instanceof Boolean) {
            return new Field.Constant(json.valueToTree(fields));
        }
        List<String> paths = strings(fields);
        String expression = paths.size() == 1
                ? paths.get(0)
                : String.join("|", paths.stream().map(p -> "(" + p + ")").toList());
        try {
            return new Field.Path(JsonPath.parse(expression), timedelta);
        } catch (PathSyntaxException e) {
            return fail(problems, "parse error in " + name + ": " + e.getMessage());
        }
    }

    private static Field fail(List<String> problems, String problem) {
        if (problems != null) {
            problems.add(problem);
        }
        return null;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /** Python truthiness of a YAML value, as {@code not cfg.get(field)} tests it. */
    private static boolean present(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        if (value instanceof java.util.Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }
}
