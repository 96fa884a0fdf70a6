package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.timeseries.database.InstallState;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.resourcetype.AttributeDefinitions;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Ceilometer's resource types once, on a new database, so that Ceilometer's Gnocchi
 * publisher works without running {@code ceilometer-upgrade}. The definitions (the end state of
 * Ceilometer's {@code gnocchi_client} upgrade steps) are data: {@code ceilometer-resource-types.json}.
 * A type an operator deletes later stays deleted.
 */
public final class CeilometerResourceTypeInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(CeilometerResourceTypeInstaller.class);
    private static final String MARKER = "ceilometer_resource_types";
    private static final String DEFINITIONS = "ceilometer-resource-types.json";

    private final Transactions transactions;
    private final ResourceTypeService types;
    private final AttributeDefinitions definitions;

    public CeilometerResourceTypeInstaller(
            Transactions transactions, ResourceTypeService types, AttributeDefinitions definitions) {
        this.transactions = transactions;
        this.types = types;
        this.definitions = definitions;
    }

    public void installOnNewDatabase(boolean install) {
        List<ResourceType> ceilometer = install ? load() : List.of();
        transactions.inTransaction(connection -> {
            if (!InstallState.claim(connection, MARKER, install ? "installed" : "skipped")) {
                return null;
            }
            for (ResourceType type : ceilometer) {
                types.insert(connection, type);
            }
            if (install) {
                LOG.info("Installed {} Ceilometer resource types", ceilometer.size());
            }
            return null;
        });
    }

    private List<ResourceType> load() {
        try (InputStream in = getClass().getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITIONS + " is missing from the class path");
            }
            List<ResourceType> loaded = new ArrayList<>();
            for (JsonNode type : new ObjectMapper().readTree(in)) {
                List<AttributeSchema> attributes = new ArrayList<>();
                type.get("attributes")
                        .fields()
                        .forEachRemaining(attribute ->
                                attributes.add(definitions.fromDefinition(attribute.getKey(), attribute.getValue())));
                loaded.add(new ResourceType(type.get("name").asText(), "active", attributes));
            }
            return loaded;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
