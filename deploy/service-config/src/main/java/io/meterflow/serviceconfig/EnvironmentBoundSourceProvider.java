package io.meterflow.serviceconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * Binds a service's YAML to the environment, so each default is written once:
 * <ul>
 *   <li>a value that is exactly {@code ${METERFLOW_X}} takes the variable's text when it is set and
 *       not blank; otherwise the key is left out, and the configuration class's own default applies
 *       (that class is where each default is written and documented);</li>
 *   <li>any other {@code ${VAR}} or {@code ${VAR:-default}} is replaced as Dropwizard's substitutor
 *       does, for keys whose defaults are Dropwizard's (the server's port, the log level), which the
 *       YAML is the only place to set.</li>
 * </ul>
 * Substitution works on the parsed values, so a variable's text is never read as YAML syntax.
 */
final class EnvironmentBoundSourceProvider implements ConfigurationSourceProvider {

    private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final ConfigurationSourceProvider delegate;
    private final UnaryOperator<String> environment;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    EnvironmentBoundSourceProvider(ConfigurationSourceProvider delegate, UnaryOperator<String> environment) {
        this.delegate = delegate;
        this.environment = environment;
    }

    @Override
    public InputStream open(String path) throws IOException {
        JsonNode tree;
        try (InputStream in = delegate.open(path)) {
            tree = yaml.readTree(in);
        }
        if (tree == null) {
            return new ByteArrayInputStream(new byte[0]);
        }
        StringSubstitutor substitutor = new StringSubstitutor((StringLookup) environment::apply);
        substitutor.setEnableUndefinedVariableException(false);
        JsonNode bound = bind(tree, substitutor);
        return new ByteArrayInputStream(yaml.writeValueAsBytes(bound == null ? yaml.createObjectNode() : bound));
    }

    /** The node with the environment bound into it; null where a key is to be left out. */
    private JsonNode bind(JsonNode node, StringSubstitutor substitutor) {
        if (node.isObject()) {
            ObjectNode bound = yaml.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                JsonNode value = bind(field.getValue(), substitutor);
                if (value != null) {
                    bound.set(field.getKey(), value);
                }
            }
            return bound;
        }
        if (node.isArray()) {
            ArrayNode bound = yaml.createArrayNode();
            for (JsonNode element : node) {
                JsonNode value = bind(element, substitutor);
                if (value != null) {
                    bound.add(value);
                }
            }
            return bound;
        }
        if (!node.isTextual()) {
            return node;
        }
        Matcher whole = WHOLE_VARIABLE.matcher(node.asText());
        if (whole.matches()) {
            String value = environment.apply(whole.group(1));
            return value == null || value.isBlank() ? null : TextNode.valueOf(value);
        }
        return TextNode.valueOf(substitutor.replace(node.asText()));
    }
}
