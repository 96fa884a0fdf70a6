package io.meterflow.timeseries.resourcetype;

import io.meterflow.timeseries.database.DatabaseException;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Resource type life cycle: creation with its indexes, attribute changes, deletion when unused. */
public final class ResourceTypeService {

    private final Transactions transactions;
    private final ResourceTypeDao types;
    private final AttributeIndexes indexes;

    public ResourceTypeService(Transactions transactions, ResourceTypeDao types, AttributeIndexes indexes) {
        this.transactions = transactions;
        this.types = types;
        this.indexes = indexes;
    }

    public ResourceType create(ResourceType type) {
        try {
            return transactions.inTransaction(connection -> {
                insert(connection, type);
                return type;
            });
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw new ConflictException("Resource type " + type.name() + " already exists");
            }
            throw failure;
        }
    }

    /** Inserts a type and its attribute indexes in the caller's transaction. */
    public void insert(Connection connection, ResourceType type) throws SQLException {
        types.insert(connection, type);
        for (AttributeSchema attribute : type.attributes()) {
            indexes.create(connection, type.name(), attribute);
        }
    }

    public ResourceType get(String name) {
        return transactions.read(connection -> find(connection, name));
    }

    public ResourceType find(Connection connection, String name) throws SQLException {
        return types.find(connection, name).orElseThrow(() -> noSuchType(name));
    }

    public List<ResourceType> list() {
        return transactions.read(types::list);
    }

    /** Applies a parsed change; existing resources get the fill values of added attributes. */
    public ResourceType update(
            String name, java.util.function.Function<ResourceType, ResourceTypeRequests.AttributeChange> change) {
        return transactions.inTransaction(connection -> {
            ResourceType current = types.findForUpdate(connection, name).orElseThrow(() -> noSuchType(name));
            ResourceTypeRequests.AttributeChange parsed = change.apply(current);
            if (parsed.isEmpty()) {
                return current;
            }
            List<AttributeSchema> attributes = new ArrayList<>(current.attributes().stream()
                    .filter(a -> !parsed.removed().contains(a.name()))
                    .toList());
            for (String removed : parsed.removed()) {
                indexes.removeValues(connection, name, removed);
                indexes.drop(connection, name, removed);
            }
            for (ResourceTypeRequests.AddedAttribute added : parsed.added()) {
                attributes.add(added.schema());
                if (added.fill() != null) {
                    indexes.fill(connection, name, added.schema().name(), added.fill());
                }
                indexes.create(connection, name, added.schema());
            }
            ResourceType next = new ResourceType(name, current.state(), attributes);
            types.updateAttributes(connection, next);
            return next;
        });
    }

    public void delete(String name) {
        try {
            transactions.inTransaction(connection -> {
                ResourceType type = types.findForUpdate(connection, name).orElseThrow(() -> noSuchType(name));
                if (type.name().equals(ResourceType.GENERIC)) {
                    throw InvalidInputException.because("Resource type generic is still in use");
                }
                for (AttributeSchema attribute : type.attributes()) {
                    indexes.drop(connection, name, attribute.name());
                }
                types.delete(connection, name);
                return null;
            });
        } catch (DatabaseException failure) {
            if (Transactions.FOREIGN_KEY_VIOLATION.equals(failure.sqlState())) {
                throw InvalidInputException.because("Resource type " + name + " is still in use");
            }
            throw failure;
        }
    }

    public static NotFoundException noSuchType(String name) {
        return new NotFoundException("Resource type " + name + " does not exist");
    }
}
