package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The DDL and bulk updates that follow a type's attributes: one partial expression index per
 * attribute ({@code WHERE type = '<type>'}, on the same typed expression searches compare), and
 * the fill or removal of an attribute's values in every row and revision of the type.
 */
public final class AttributeIndexes {

    public void create(Connection connection, String typeName, AttributeSchema attribute) throws SQLException {
        String ddl = "CREATE INDEX IF NOT EXISTS " + indexName(typeName, attribute.name()) + " ON resource (("
                + attribute.sqlExpression("resource") + ")) WHERE type = " + literal(typeName);
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }

    public void drop(Connection connection, String typeName, String attributeName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX IF EXISTS " + indexName(typeName, attributeName));
        }
    }

    /** Sets the attribute of every resource and revision of the type (Gnocchi's {@code options.fill}). */
    public void fill(Connection connection, String typeName, String attributeName, JsonNode value) throws SQLException {
        for (String table : new String[] {"resource", "resource_history"}) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET attributes = attributes || jsonb_build_object(?::text, ?::jsonb) WHERE type = ?")) {
                update.setString(1, attributeName);
                update.setString(2, value.toString());
                update.setString(3, typeName);
                update.executeUpdate();
            }
        }
    }

    public void removeValues(Connection connection, String typeName, String attributeName) throws SQLException {
        for (String table : new String[] {"resource", "resource_history"}) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET attributes = attributes - ?::text WHERE type = ?")) {
                update.setString(1, attributeName);
                update.setString(2, typeName);
                update.executeUpdate();
            }
        }
    }

    /** Index names are limited to 63 bytes and type names are free text: a digest names the index. */
    static String indexName(String typeName, String attributeName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((typeName + "\u0000" + attributeName).getBytes(StandardCharsets.UTF_8));
            return "resource_attr_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    /**
     * The condition selecting a type's rows, written as the partial indexes' predicate is: with the
     * name as a literal, PostgreSQL can use those indexes in a cached generic plan too, where a
     * bound parameter would make every search plan afresh (2-5 ms with Ceilometer's 50 indexes).
     */
    public static String typeCondition(String column, String typeName) {
        return column + " = " + literal(typeName);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
