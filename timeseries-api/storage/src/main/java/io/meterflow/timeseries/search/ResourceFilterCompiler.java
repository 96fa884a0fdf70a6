package io.meterflow.timeseries.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.BoolAttribute;
import io.meterflow.timeseries.resourcetype.NumberAttribute;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compiles a {@link SearchQuery} into SQL over a resource row aliased {@code r} (the live table
 * or its union with the history). Generic attributes are columns; type attributes are the
 * typed JSONB expressions the per-type indexes are built on, so filters use those indexes.
 * Values are converted to the attribute's type first; one that does not convert is Gnocchi's
 * 400 "Invalid value".
 */
public final class ResourceFilterCompiler {

    private enum Kind {
        TEXT,
        UUID,
        TIMESTAMP,
        INTEGER
    }

    private static final Map<String, Kind> COLUMNS = Map.ofEntries(
            Map.entry("id", Kind.UUID),
            Map.entry("type", Kind.TEXT),
            Map.entry("creator", Kind.TEXT),
            Map.entry("original_resource_id", Kind.TEXT),
            Map.entry("user_id", Kind.TEXT),
            Map.entry("project_id", Kind.TEXT),
            Map.entry("started_at", Kind.TIMESTAMP),
            Map.entry("ended_at", Kind.TIMESTAMP),
            Map.entry("revision_start", Kind.TIMESTAMP),
            Map.entry("revision_end", Kind.TIMESTAMP),
            Map.entry("revision", Kind.INTEGER));

    private final Timestamps timestamps;

    public ResourceFilterCompiler(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    public SqlCondition compile(SearchQuery query, ResourceType type) {
        List<Object> parameters = new ArrayList<>();
        String sql = node(query, type, parameters);
        return new SqlCondition(sql, parameters);
    }

    private String node(SearchQuery query, ResourceType type, List<Object> parameters) {
        if (query instanceof SearchQuery.And and) {
            return join(and.operands(), " AND ", type, parameters);
        }
        if (query instanceof SearchQuery.Or or) {
            return join(or.operands(), " OR ", type, parameters);
        }
        if (query instanceof SearchQuery.Not not) {
            return "NOT (" + node(not.operand(), type, parameters) + ")";
        }
        return comparison((SearchQuery.Comparison) query, type, parameters);
    }

    private String join(List<SearchQuery> operands, String separator, ResourceType type, List<Object> parameters) {
        List<String> parts = new ArrayList<>();
        for (SearchQuery operand : operands) {
            parts.add(node(operand, type, parameters));
        }
        return "(" + String.join(separator, parts) + ")";
    }

    private String comparison(SearchQuery.Comparison comparison, ResourceType type, List<Object> parameters) {
        String field = comparison.field();
        String operator = comparison.operator();
        JsonNode value = comparison.value();
        if (field.equals("lifespan")) {
            return lifespan(operator, value, parameters);
        }
        if (field.equals("created_by_user_id") || field.equals("created_by_project_id")) {
            return creatorPart(field, operator, value, parameters);
        }
        Kind kind = COLUMNS.get(field);
        AttributeSchema attribute = kind == null
                ? type.attribute(field)
                        .orElseThrow(() -> InvalidInputException.because(
                                "Resource type " + type.name() + " has no " + field + " attribute"))
                : null;
        String expression = kind != null ? "r." + field : attribute.sqlExpression("r");
        boolean textual = operator.equals("like") || operator.equals("ilike");
        if (textual) {
            expression = kind != null ? "r." + field + "::text" : "(r.attributes->>'" + field.replace("'", "''") + "')";
        }
        if (operator.equals("in")) {
            List<String> marks = new ArrayList<>();
            for (JsonNode item : value) {
                if (item.isNull()) {
                    marks.add("NULL");
                } else {
                    parameters.add(convert(field, kind, attribute, item, textual));
                    marks.add("?");
                }
            }
            return expression + " IN (" + String.join(", ", marks) + ")";
        }
        if (value.isNull()) {
            return switch (operator) {
                case "=" -> expression + " IS NULL";
                case "!=" -> expression + " IS NOT NULL";
                default -> "FALSE";
            };
        }
        parameters.add(convert(field, kind, attribute, value, textual));
        return switch (operator) {
            case "!=" -> "(" + expression + " IS NULL OR " + expression + " <> ?)";
            case "like" -> expression + " LIKE ?";
            case "ilike" -> expression + " ILIKE ?";
            default -> expression + " " + operator + " ?";
        };
    }

    private Object convert(String field, Kind kind, AttributeSchema attribute, JsonNode value, boolean textual) {
        try {
            if (textual) {
                return text(value);
            }
            if (kind != null) {
                return switch (kind) {
                    case TEXT -> text(value);
                    case UUID -> UUID.fromString(value.asText());
                    case TIMESTAMP -> timestamp(value);
                    case INTEGER -> Long.parseLong(text(value).replaceAll("\\.0$", ""));
                };
            }
            if (attribute instanceof NumberAttribute) {
                return value.isNumber()
                        ? value.decimalValue()
                        : new java.math.BigDecimal(value.asText().trim());
            }
            if (attribute instanceof BoolAttribute) {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException("not a bool");
                }
                return value.asBoolean();
            }
            return attribute.normalize(value).asText();
        } catch (RuntimeException invalid) {
            throw InvalidInputException.because("Invalid value: `" + text(value) + "' for field `" + field + "'");
        }
    }

    private OffsetDateTime timestamp(JsonNode value) {
        long nanos = timestamps.parseOne(value.isNumber() ? value.decimalValue() : value.asText());
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
    }

    /** Python's {@code str()} of a JSON scalar, as Gnocchi's text converter gives. */
    private static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.asText();
    }

    private static String lifespan(String operator, JsonNode value, List<Object> parameters) {
        double seconds;
        try {
            seconds = Timespans.toSeconds(
                    Timespans.parse(value.isNumber() ? value.numberValue() : value.asText(), false));
        } catch (RuntimeException invalid) {
            throw InvalidInputException.because("Invalid value: `" + value.asText() + "' for field `lifespan'");
        }
        parameters.add(seconds);
        String expression = "(r.ended_at - r.started_at)";
        String sqlOperator = switch (operator) {
            case "!=" -> "<>";
            case "in", "like", "ilike" ->
                throw InvalidInputException.because("Invalid value: `" + value.asText() + "' for field `lifespan'");
            default -> operator;
        };
        return expression + " " + sqlOperator + " (? * INTERVAL '1 second')";
    }

    private static String creatorPart(String field, String operator, JsonNode value, List<Object> parameters) {
        String pattern = field.equals("created_by_user_id") ? text(value) + ":%" : "%:" + text(value);
        parameters.add(pattern);
        return switch (operator) {
            case "=", "like" -> "r.creator LIKE ?";
            case "!=" -> "NOT (r.creator LIKE ?)";
            default ->
                throw InvalidInputException.because("Invalid value: `" + text(value) + "' for field `" + field + "'");
        };
    }
}
