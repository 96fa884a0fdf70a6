package io.meterflow.timeseries.resourcetype;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resource types in PostgreSQL; attribute values of resources are changed by {@link AttributeIndexes}' peers. */
public final class ResourceTypeDao {

    private final AttributeDefinitions definitions;

    public ResourceTypeDao(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    public void insert(Connection connection, ResourceType type) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO resource_type (name, attributes, state) VALUES (?, ?::jsonb, ?)")) {
            insert.setString(1, type.name());
            insert.setString(2, definitions.toStored(type.attributes()));
            insert.setString(3, type.state());
            insert.executeUpdate();
        }
    }

    public void updateAttributes(Connection connection, ResourceType type) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE resource_type SET attributes = ?::jsonb, updated_at = now() WHERE name = ?")) {
            update.setString(1, definitions.toStored(type.attributes()));
            update.setString(2, type.name());
            update.executeUpdate();
        }
    }

    public Optional<ResourceType> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT name, state, attributes::text FROM resource_type WHERE name = ?")) {
            select.setString(1, name);
            List<ResourceType> found = read(select);
            return found.stream().findFirst();
        }
    }

    /** The type locked against concurrent changes of its attributes, for a PATCH or DELETE. */
    public Optional<ResourceType> findForUpdate(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, state, attributes::text FROM resource_type WHERE name = ? FOR UPDATE")) {
            select.setString(1, name);
            return read(select).stream().findFirst();
        }
    }

    public List<ResourceType> list(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, state, attributes::text FROM resource_type ORDER BY created_order")) {
            return read(select);
        }
    }

    public boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM resource_type WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private List<ResourceType> read(PreparedStatement select) throws SQLException {
        List<ResourceType> types = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                types.add(new ResourceType(
                        rows.getString(1), rows.getString(2), definitions.fromStored(rows.getString(3))));
            }
        }
        return types;
    }
}
