package io.meterflow.rating.usage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a metrics.yml tree key by key against CloudKitty's schema (the base metric schema
 * extended with the Gnocchi collector's {@code extra_args}): required keys, types, allowed values,
 * defaults, no unknown key, no attribute both in groupby and metadata, {@code mutate_map} exactly
 * with {@code MAP}. Problems are collected, not thrown one by one.
 */
final class MetricsConfigurationReader {

    private static final Set<String> METRIC_KEYS = Set.of(
            "unit",
            "factor",
            "offset",
            "alt_name",
            "groupby",
            "metadata",
            "mutate",
            "mutate_map",
            "extra_args",
            "description");
    private static final Set<String> EXTRA_ARGS_KEYS = Set.of(
            "resource_type",
            "resource_key",
            "aggregation_method",
            "re_aggregation_method",
            "force_granularity",
            "use_all_resource_revisions",
            "custom_query");

    private final String scopeKey;
    private final List<String> problems = new ArrayList<>();

    MetricsConfigurationReader(String scopeKey) {
        this.scopeKey = scopeKey;
    }

    MetricsConfiguration read(Object tree) {
        List<MetricDefinition> definitions = new ArrayList<>();
        Object metrics = tree instanceof Map<?, ?> top ? top.get("metrics") : null;
        if (!(tree instanceof Map<?, ?>)) {
            problems.add("the file is not a mapping with a 'metrics' key");
        } else if (!(metrics instanceof Map<?, ?> byName) || byName.isEmpty()) {
            problems.add("metrics: not a mapping with at least one metric");
        } else {
            for (Map.Entry<?, ?> entry : byName.entrySet()) {
                String metric = String.valueOf(entry.getKey());
                if (entry.getValue() instanceof List<?> list) {
                    readList(metric, list, definitions);
                } else {
                    readOne(metric, "metrics." + metric, entry.getValue(), false)
                            .ifPresent(definitions::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMetricsConfigurationException(problems);
        }
        return new MetricsConfiguration(definitions);
    }

    private void readList(String metric, List<?> list, List<MetricDefinition> definitions) {
        if (list.isEmpty()) {
            problems.add("metrics." + metric + ": an empty list rates nothing");
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "metrics." + metric + "[" + i + "]";
            Optional<MetricDefinition> definition = readOne(metric, path, list.get(i), true);
            definition.ifPresent(d -> {
                if (!types.add(d.ratingType())) {
                    problems.add(path + ".alt_name: rating type " + d.ratingType() + " is given twice for " + metric);
                }
                definitions.add(d);
            });
        }
    }

    private Optional<MetricDefinition> readOne(String metric, String path, Object value, boolean inList) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": not a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        for (Object key : map.keySet()) {
            if (!METRIC_KEYS.contains(String.valueOf(key)) || ("description".equals(key) && !inList)) {
                problems.add(path + "." + key + ": unknown key");
            }
        }
        String unit = nonEmptyText(map, "unit", path, null);
        String altName = nonEmptyText(map, "alt_name", path, metric);
        MetricDefinition.Factor factor = factor(map.get("factor"), path + ".factor", MetricDefinition.Factor.ONE);
        MetricDefinition.Factor offset = factor(
                map.get("offset"), path + ".offset", new MetricDefinition.Factor(BigDecimal.ZERO, BigDecimal.ONE));
        List<String> groupby = names(map.get("groupby"), path + ".groupby");
        List<String> metadata = names(map.get("metadata"), path + ".metadata");
        Mutation mutation = mutation(map, path);
        GnocchiQuery query = query(map.get("extra_args"), path + ".extra_args");
        Optional<String> description =
                Optional.ofNullable(map.get("description")).map(String::valueOf);
        for (String name : groupby) {
            if (metadata.contains(name)) {
                problems.add(path + ": " + name + " is in both groupby and metadata");
            }
        }
        if (problems.size() > before || unit == null || query == null) {
            return Optional.empty();
        }
        // As CloudKitty: the scope key, then the resource key, end every groupby.
        List<String> fullGroupby = new ArrayList<>(groupby);
        if (!fullGroupby.contains(scopeKey)) {
            fullGroupby.add(scopeKey);
        }
        if (!fullGroupby.contains(query.resourceKey())) {
            fullGroupby.add(query.resourceKey());
        }
        // An offset may be written as a fraction too: its value is the fraction applied to one.
        return Optional.of(new MetricDefinition(
                metric,
                altName,
                unit,
                fullGroupby,
                metadata,
                factor,
                offset.apply(BigDecimal.ONE),
                mutation,
                query,
                description));
    }

    private String nonEmptyText(Map<?, ?> map, String key, String path, String defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            if (defaultValue == null && !map.containsKey(key)) {
                problems.add(path + "." + key + ": required");
            } else if (map.containsKey(key)) {
                problems.add(path + "." + key + ": must be a non-empty string");
            }
            return defaultValue;
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            problems.add(path + "." + key + ": must be a non-empty string");
            return defaultValue;
        }
        return text;
    }

    /** An int, a float or a fraction (as Python's {@code Fraction} reads it: "1/1024", "0.5", "3"). */
    private MetricDefinition.Factor factor(Object value, String path, MetricDefinition.Factor defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return new MetricDefinition.Factor(new BigDecimal(value.toString()), BigDecimal.ONE);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            // YAML's 0.1 means the decimal written, not the float nearest to it.
            return new MetricDefinition.Factor(new BigDecimal(value.toString()), BigDecimal.ONE);
        }
        if (value instanceof String text) {
            String[] parts = text.strip().split("/", -1);
            try {
                if (parts.length == 1) {
                    return new MetricDefinition.Factor(new BigDecimal(parts[0].strip()), BigDecimal.ONE);
                }
                if (parts.length == 2) {
                    return new MetricDefinition.Factor(
                            new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()));
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(path + ": not a number or a fraction such as 1/1024: " + value);
        return defaultValue;
    }

    private List<String> names(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(path + ": must be a list of attribute names");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String name && !name.isEmpty()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            } else {
                problems.add(path + ": " + item + " is not a non-empty string");
            }
        }
        return names;
    }

    private Mutation mutation(Map<?, ?> map, String path) {
        Object mode = valueOr(map, "mutate", "NONE");
        Object mutateMap = map.get("mutate_map");
        if ("MAP".equals(mode) && mutateMap == null) {
            problems.add(path + ".mutate_map: required with mutate: MAP");
            return new Mutation.None();
        }
        if (!"MAP".equals(mode) && mutateMap != null) {
            problems.add(path + ".mutate_map: only allowed with mutate: MAP");
        }
        if (!(mode instanceof String name)) {
            problems.add(path + ".mutate: must be one of NONE, NUMBOOL, NOTNUMBOOL, FLOOR, CEIL, MAP");
            return new Mutation.None();
        }
        return switch (name) {
            case "NONE" -> new Mutation.None();
            case "NUMBOOL" -> new Mutation.NumBool();
            case "NOTNUMBOOL" -> new Mutation.NotNumBool();
            case "FLOOR" -> new Mutation.Floor();
            case "CEIL" -> new Mutation.Ceil();
            case "MAP" -> mapping(mutateMap, path + ".mutate_map");
            default -> {
                problems.add(path + ".mutate: must be one of NONE, NUMBOOL, NOTNUMBOOL, FLOOR, CEIL, MAP, not " + name);
                yield new Mutation.None();
            }
        };
    }

    private Mutation mapping(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": must be a mapping of values to numbers");
            return new Mutation.None();
        }
        Map<BigDecimal, BigDecimal> numbers = new LinkedHashMap<>();
        map.forEach((key, mapped) -> {
            BigDecimal from = number(key);
            BigDecimal to = number(mapped);
            if (from == null || to == null) {
                problems.add(path + "." + key + ": keys and values must be numbers");
            } else {
                numbers.put(from, to);
            }
        });
        return new Mutation.MapTo(numbers);
    }

    private GnocchiQuery query(Object value, String path) {
        if (!(value instanceof Map<?, ?> args)) {
            problems.add(path + (value == null ? ": required (resource_type at least)" : ": must be a mapping"));
            return null;
        }
        for (Object key : args.keySet()) {
            if (!EXTRA_ARGS_KEYS.contains(String.valueOf(key))) {
                problems.add(path + "." + key + ": unknown key");
            }
        }
        String resourceType = nonEmptyText(args, "resource_type", path, null);
        String resourceKey = nonEmptyText(args, "resource_key", path, "id");
        String aggregation = method(args, "aggregation_method", path, GnocchiQuery.METRIC_METHODS);
        String reAggregation = method(args, "re_aggregation_method", path, GnocchiQuery.BASIC_METHODS);
        Object granularity = valueOr(args, "force_granularity", 3600);
        int forceGranularity = 3600;
        if (granularity instanceof Integer g && g >= 0) {
            forceGranularity = g;
        } else {
            problems.add(path + ".force_granularity: must be an integer of seconds, 0 or more");
        }
        Object revisions = valueOr(args, "use_all_resource_revisions", Boolean.TRUE);
        if (!(revisions instanceof Boolean)) {
            problems.add(path + ".use_all_resource_revisions: must be true or false");
        }
        Object custom = valueOr(args, "custom_query", "");
        if (!(custom instanceof String)) {
            problems.add(path + ".custom_query: must be a string");
        }
        if (resourceType == null) {
            return null;
        }
        return new GnocchiQuery(
                resourceType,
                resourceKey,
                aggregation,
                reAggregation,
                forceGranularity,
                !Boolean.FALSE.equals(revisions),
                custom instanceof String text ? text : "");
    }

    private String method(Map<?, ?> args, String key, String path, Set<String> allowed) {
        Object value = valueOr(args, key, "max");
        if (value instanceof String method && allowed.contains(method)) {
            return method;
        }
        problems.add(path + "." + key + ": not an aggregation method Gnocchi offers here: " + value);
        return "max";
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }

    private static Object valueOr(Map<?, ?> map, String key, Object defaultValue) {
        Object value = map.get(key);
        return value == null && !map.containsKey(key) ? defaultValue : value;
    }
}
