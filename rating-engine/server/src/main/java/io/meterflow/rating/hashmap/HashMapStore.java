package io.meterflow.rating.hashmap;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.hashmap.HashMapRows.FieldRow;
import io.meterflow.rating.hashmap.HashMapRows.GroupRow;
import io.meterflow.rating.hashmap.HashMapRows.MappingRow;
import io.meterflow.rating.hashmap.HashMapRows.RuleFilter;
import io.meterflow.rating.hashmap.HashMapRows.RuleWindow;
import io.meterflow.rating.hashmap.HashMapRows.ServiceRow;
import io.meterflow.rating.hashmap.HashMapRows.ThresholdRow;
import io.meterflow.rating.hashmap.HashMapRows.Validity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hashmap configuration in PostgreSQL, with CloudKitty's checks and messages: which parent a
 * rule needs, what a duplicate is, what cascades. Every call is one transaction.
 */
public final class HashMapStore {

    /** A group deleted without its rules leaves them: the API shows them in no group. */
    private static final String LIVE_GROUP = " AND g.deleted_at IS NULL";

    private static final String MAPPING_COLUMNS = mappingColumns(LIVE_GROUP);
    private static final String THRESHOLD_COLUMNS = thresholdColumns(LIVE_GROUP);

    private static String mappingColumns(String groupCondition) {
        return ruleColumns("m", "rating_hashmap_mappings", "mapping_id, m.value", groupCondition);
    }

    private static String thresholdColumns(String groupCondition) {
        return ruleColumns("t", "rating_hashmap_thresholds", "threshold_id, t.level", groupCondition);
    }

    /** A rule's columns, in the order the row readers take them, with its parents' public ids. */
    private static String ruleColumns(String alias, String table, String idAndMatch, String groupCondition) {
        return alias + "." + idAndMatch + ", " + alias + ".map_type, " + alias + ".cost, s.service_id, f.field_id,"
                + " g.group_id, " + alias + ".tenant_id, " + auditColumns(alias) + " FROM " + table + " " + alias
                + " LEFT JOIN rating_hashmap_services s ON s.id = " + alias + ".service_id"
                + " LEFT JOIN rating_hashmap_fields f ON f.id = " + alias + ".field_id"
                + " LEFT JOIN rating_hashmap_groups g ON g.id = " + alias + ".group_id" + groupCondition;
    }

    private final Jdbc jdbc;
    private final Supplier<UUID> ids;

    private static String auditColumns(String alias) {
        return String.join(
                ", ",
                java.util.stream.Stream.of("start_at", "end_at", "deleted_at", "created_by", "updated_by", "deleted_by")
                        .map(column -> alias + "." + column)
                        .toList());
    }

    public HashMapStore(Jdbc jdbc, Supplier<UUID> ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    // ---------------------------------------------------------------- services

    public List<ServiceRow> services() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT service_id, name FROM rating_hashmap_services WHERE deleted_at IS NULL ORDER BY id",
                HashMapStore::service));
    }

    public ServiceRow service(String serviceId) {
        return jdbc.inTransaction(c -> findService(c, serviceId));
    }

    public ServiceRow createService(String name) {
        return jdbc.inTransaction(c -> {
            Optional<ServiceRow> existing = Jdbc.first(
                    c,
                    "SELECT service_id, name FROM rating_hashmap_services WHERE name = ? AND deleted_at IS NULL",
                    HashMapStore::service,
                    name);
            if (existing.isPresent()) {
                throw CloudKittyError.conflict("Service " + name + " already exists (UUID: "
                        + existing.get().serviceId() + ")");
            }
            String id = ids.get().toString();
            Jdbc.update(c, "INSERT INTO rating_hashmap_services (service_id, name) VALUES (?, ?)", id, name);
            return new ServiceRow(id, name);
        });
    }

    /** The service, its fields and every rule under them, deleted at one instant and kept for re-rating. */
    public void deleteService(String serviceId, String actor) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(
                            c,
                            "UPDATE rating_hashmap_services SET deleted_at = now(), deleted_by = ?"
                                    + " WHERE service_id = ? AND deleted_at IS NULL",
                            actor,
                            serviceId)
                    == 0) {
                throw noSuchService(serviceId);
            }
            String ofService = "(SELECT id FROM rating_hashmap_services WHERE service_id = ?)";
            String itsFields = "(SELECT id FROM rating_hashmap_fields WHERE service_id = " + ofService + ")";
            for (String rules : List.of("rating_hashmap_mappings", "rating_hashmap_thresholds")) {
                Jdbc.update(
                        c,
                        "UPDATE " + rules + " SET deleted_at = now(), deleted_by = ? WHERE deleted_at IS NULL"
                                + " AND (service_id = " + ofService + " OR field_id IN " + itsFields + ")",
                        actor,
                        serviceId,
                        serviceId);
            }
            Jdbc.update(
                    c,
                    "UPDATE rating_hashmap_fields SET deleted_at = now(), deleted_by = ?"
                            + " WHERE deleted_at IS NULL AND service_id = " + ofService,
                    actor,
                    serviceId);
            return null;
        });
    }

    // ---------------------------------------------------------------- fields

    public List<FieldRow> fields(String serviceId) {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT f.field_id, s.service_id, f.name FROM rating_hashmap_fields f"
                        + " JOIN rating_hashmap_services s ON s.id = f.service_id"
                        + " WHERE s.service_id = ? AND f.deleted_at IS NULL ORDER BY f.id",
                HashMapStore::field,
                serviceId));
    }

    public FieldRow field(String fieldId) {
        return jdbc.inTransaction(c -> findField(c, fieldId));
    }

    public FieldRow createField(String serviceId, String name) {
        return jdbc.inTransaction(c -> {
            findService(c, serviceId);
            Optional<FieldRow> existing = Jdbc.first(
                    c,
                    "SELECT f.field_id, s.service_id, f.name FROM rating_hashmap_fields f"
                            + " JOIN rating_hashmap_services s ON s.id = f.service_id"
                            + " WHERE s.service_id = ? AND f.name = ? AND f.deleted_at IS NULL",
                    HashMapStore::field,
                    serviceId,
                    name);
            if (existing.isPresent()) {
                throw CloudKittyError.conflict("Field " + name + " already exists (UUID: "
                        + existing.get().fieldId() + ")");
            }
            String id = ids.get().toString();
            Jdbc.update(
                    c,
                    "INSERT INTO rating_hashmap_fields (field_id, name, service_id)"
                            + " SELECT ?, ?, id FROM rating_hashmap_services WHERE service_id = ? AND deleted_at IS NULL",
                    id,
                    name,
                    serviceId);
            return new FieldRow(id, serviceId, name);
        });
    }

    /** The field and its rules, deleted at one instant and kept for re-rating. */
    public void deleteField(String fieldId, String actor) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(
                            c,
                            "UPDATE rating_hashmap_fields SET deleted_at = now(), deleted_by = ?"
                                    + " WHERE field_id = ? AND deleted_at IS NULL",
                            actor,
                            fieldId)
                    == 0) {
                throw noSuchField(fieldId);
            }
            for (String rules : List.of("rating_hashmap_mappings", "rating_hashmap_thresholds")) {
                Jdbc.update(
                        c,
                        "UPDATE " + rules + " SET deleted_at = now(), deleted_by = ? WHERE deleted_at IS NULL"
                                + " AND field_id = (SELECT id FROM rating_hashmap_fields WHERE field_id = ?)",
                        actor,
                        fieldId);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- groups

    public List<GroupRow> groups() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT group_id, name FROM rating_hashmap_groups WHERE deleted_at IS NULL ORDER BY id",
                HashMapStore::group));
    }

    public GroupRow group(String groupId) {
        return jdbc.inTransaction(c -> findGroup(c, groupId));
    }

    public GroupRow createGroup(String name) {
        return jdbc.inTransaction(c -> {
            Optional<GroupRow> existing = Jdbc.first(
                    c,
                    "SELECT group_id, name FROM rating_hashmap_groups WHERE name = ? AND deleted_at IS NULL",
                    HashMapStore::group,
                    name);
            if (existing.isPresent()) {
                throw CloudKittyError.conflict("Group " + name + " already exists (UUID: "
                        + existing.get().groupId() + ")");
            }
            String id = ids.get().toString();
            Jdbc.update(c, "INSERT INTO rating_hashmap_groups (group_id, name) VALUES (?, ?)", id, name);
            return new GroupRow(id, name);
        });
    }

    /**
     * Without {@code recursive} the group's rules stay, in no group from now on (CloudKitty's
     * default); with it they are deleted with the group. Either way at one instant, kept for re-rating.
     */
    public void deleteGroup(String groupId, boolean recursive, String actor) {
        jdbc.inTransaction(c -> {
            findGroup(c, groupId);
            if (recursive) {
                String ofGroup = " AND group_id = (SELECT id FROM rating_hashmap_groups WHERE group_id = ?)";
                for (String rules : List.of("rating_hashmap_mappings", "rating_hashmap_thresholds")) {
                    Jdbc.update(
                            c,
                            "UPDATE " + rules + " SET deleted_at = now(), deleted_by = ? WHERE deleted_at IS NULL"
                                    + ofGroup,
                            actor,
                            groupId);
                }
            }
            Jdbc.update(
                    c,
                    "UPDATE rating_hashmap_groups SET deleted_at = now(), deleted_by = ? WHERE group_id = ?",
                    actor,
                    groupId);
            return null;
        });
    }

    public GroupRow groupOfMapping(String mappingId) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT g.group_id, g.name FROM rating_hashmap_mappings m"
                                + " JOIN rating_hashmap_groups g ON g.id = m.group_id" + LIVE_GROUP
                                + " WHERE m.mapping_id = ?"
                                + " AND m.deleted_at IS NULL",
                        HashMapStore::group,
                        mappingId)
                .orElseThrow(() -> CloudKittyError.notFound("Mapping has no group (UUID: " + mappingId + ")")));
    }

    public GroupRow groupOfThreshold(String thresholdId) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT g.group_id, g.name FROM rating_hashmap_thresholds t"
                                + " JOIN rating_hashmap_groups g ON g.id = t.group_id" + LIVE_GROUP
                                + " WHERE t.threshold_id = ?"
                                + " AND t.deleted_at IS NULL",
                        HashMapStore::group,
                        thresholdId)
                .orElseThrow(() -> CloudKittyError.notFound("Threshold has no group (UUID: " + thresholdId + ")")));
    }

    // ---------------------------------------------------------------- mappings

    public List<MappingRow> mappings(RuleFilter filter) {
        return jdbc.inTransaction(c -> {
            List<Object> parameters = new ArrayList<>();
            String where = ruleWhere(filter, "m", parameters);
            return Jdbc.list(
                    c,
                    "SELECT " + MAPPING_COLUMNS + where + " ORDER BY m.id",
                    HashMapStore::mapping,
                    parameters.toArray());
        });
    }

    /**
     * Every service and field ever created, deleted ones included, in creation order: for pricing,
     * since re-rating a period from before a deletion uses the rules under them.
     */
    public List<HashMapRows.CatalogRow> everyServiceField() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT s.service_id, s.name, f.field_id, f.name FROM rating_hashmap_services s"
                        + " LEFT JOIN rating_hashmap_fields f ON f.service_id = s.id ORDER BY s.id, f.id",
                row -> new HashMapRows.CatalogRow(
                        row.getString(1), row.getString(2), row.getString(3), row.getString(4))));
    }

    /** When each deleted group was deleted: from then on its remaining rules are in no group. */
    public Map<String, Instant> groupDeletions() {
        return jdbc.inTransaction(c -> {
            Map<String, Instant> deleted = new HashMap<>();
            Jdbc.list(
                            c,
                            "SELECT group_id, deleted_at FROM rating_hashmap_groups WHERE deleted_at IS NOT NULL",
                            row -> Map.entry(
                                    row.getString(1), row.getTimestamp(2).toInstant()))
                    .forEach(entry -> deleted.put(entry.getKey(), entry.getValue()));
            return deleted;
        });
    }

    /** Every mapping, for pricing: in creation order, which is the order CloudKitty applies them in. */
    public List<MappingRow> allMappings() {
        return jdbc.inTransaction(
                c -> Jdbc.list(c, "SELECT " + mappingColumns("") + " ORDER BY m.id", HashMapStore::mapping));
    }

    public MappingRow mapping(String mappingId) {
        return jdbc.inTransaction(c -> findMapping(c, mappingId));
    }

    public MappingRow createMapping(
            String value,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId,
            RuleWindow window,
            String actor) {
        checkParents(serviceId, fieldId);
        checkNewWindow(window.start(), window.end(), window.force(), Instant.now());
        if (isSet(value) && isSet(serviceId)) {
            throw CloudKittyError.badRequest("You can't specify a value and a service_id.");
        }
        if (!isSet(value) && isSet(fieldId)) {
            throw CloudKittyError.badRequest("You must specify a value for a field mapping.");
        }
        return jdbc.inTransaction(c -> {
            parentsExist(c, serviceId, fieldId, groupId);
            String id = ids.get().toString();
            insertOnce(
                    c,
                    "INSERT INTO rating_hashmap_mappings (mapping_id, value, cost, map_type, service_id, field_id,"
                            + " group_id, tenant_id, start_at, end_at, created_by) VALUES (?, ?, ?, ?,"
                            + " (SELECT id FROM rating_hashmap_services WHERE service_id = ?),"
                            + " (SELECT id FROM rating_hashmap_fields WHERE field_id = ?),"
                            + " (SELECT id FROM rating_hashmap_groups WHERE group_id = ?), ?, ?, ?, ?)",
                    () -> CloudKittyError.conflict("Mapping '" + value + "' already exists for "
                            + (isSet(fieldId) ? "field '" + fieldId : "service '" + serviceId) + "', tenant: '"
                            + tenantId + "'"),
                    id,
                    value,
                    cost,
                    type,
                    serviceId,
                    fieldId,
                    groupId,
                    tenantId,
                    timestamp(window.start()),
                    timestamp(window.end()),
                    actor);
            return findMapping(c, id);
        });
    }

    /**
     * CloudKitty's update: every attribute of the body replaces the stored one, absent ones
     * included (a PUT without {@code tenant_id} makes the mapping global again); the parent never
     * changes; a group is only ever set, not cleared.
     */
    public void updateMapping(
            String mappingId,
            String value,
            String type,
            BigDecimal cost,
            String groupId,
            String tenantId,
            Instant end,
            String actor) {
        jdbc.inTransaction(c -> {
            MappingRow current = Jdbc.first(
                            c,
                            "SELECT " + MAPPING_COLUMNS
                                    + " WHERE m.mapping_id = ? AND m.deleted_at IS NULL FOR UPDATE OF m",
                            HashMapStore::mapping,
                            mappingId)
                    .orElseThrow(() -> noSuchMapping(mappingId));
            if (current.fieldId() != null && !isSet(value)) {
                throw CloudKittyError.badRequest("You must specify a value for a field mapping.");
            }
            checkChangeOfStarted(
                    current.validity(),
                    java.util.Objects.equals(current.value(), isSet(value) ? value : current.value())
                            && current.type().equals(type)
                            && current.cost().compareTo(cost) == 0
                            && java.util.Objects.equals(current.tenantId(), tenantId)
                            && (!isSet(groupId) || groupId.equals(current.groupId())),
                    end,
                    Instant.now());
            if (isSet(groupId)) {
                findGroup(c, groupId);
                Jdbc.update(
                        c,
                        "UPDATE rating_hashmap_mappings SET group_id ="
                                + " (SELECT id FROM rating_hashmap_groups WHERE group_id = ?) WHERE mapping_id = ?",
                        groupId,
                        mappingId);
            }
            insertOnce(
                    c,
                    "UPDATE rating_hashmap_mappings SET value = ?, cost = ?, map_type = ?, tenant_id = ?,"
                            + " end_at = coalesce(?, end_at), updated_by = ? WHERE mapping_id = ?",
                    () -> CloudKittyError.conflict("Mapping '" + value + "' already exists for Mapping_id '" + mappingId
                            + "', tenant: '" + tenantId + "'"),
                    value,
                    cost,
                    type,
                    tenantId,
                    timestamp(end),
                    actor,
                    mappingId);
            return null;
        });
    }

    /** Kept as deleted: periods before now are still re-rated with it. */
    public void deleteMapping(String mappingId, String actor) {
        softDelete("rating_hashmap_mappings", "mapping_id", mappingId, actor, () -> noSuchMapping(mappingId));
    }

    // ---------------------------------------------------------------- thresholds

    public List<ThresholdRow> thresholds(RuleFilter filter) {
        return jdbc.inTransaction(c -> {
            List<Object> parameters = new ArrayList<>();
            String where = ruleWhere(filter, "t", parameters);
            return Jdbc.list(
                    c,
                    "SELECT " + THRESHOLD_COLUMNS + where + " ORDER BY t.id",
                    HashMapStore::threshold,
                    parameters.toArray());
        });
    }

    public List<ThresholdRow> allThresholds() {
        return jdbc.inTransaction(
                c -> Jdbc.list(c, "SELECT " + thresholdColumns("") + " ORDER BY t.id", HashMapStore::threshold));
    }

    public ThresholdRow threshold(String thresholdId) {
        return jdbc.inTransaction(c -> findThreshold(c, thresholdId));
    }

    public ThresholdRow createThreshold(
            BigDecimal level,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId,
            RuleWindow window,
            String actor) {
        checkParents(serviceId, fieldId);
        checkNewWindow(window.start(), window.end(), window.force(), Instant.now());
        return jdbc.inTransaction(c -> {
            parentsExist(c, serviceId, fieldId, groupId);
            String id = ids.get().toString();
            insertOnce(
                    c,
                    "INSERT INTO rating_hashmap_thresholds (threshold_id, level, cost, map_type, service_id, field_id,"
                            + " group_id, tenant_id, start_at, end_at, created_by) VALUES (?, ?, ?, ?,"
                            + " (SELECT id FROM rating_hashmap_services WHERE service_id = ?),"
                            + " (SELECT id FROM rating_hashmap_fields WHERE field_id = ?),"
                            + " (SELECT id FROM rating_hashmap_groups WHERE group_id = ?), ?, ?, ?, ?)",
                    () -> CloudKittyError.conflict("Threshold '" + level + "' already exists for "
                            + (isSet(fieldId) ? "field '" + fieldId : "service '" + serviceId) + "', tenant: '"
                            + tenantId + "'"),
                    id,
                    level,
                    cost,
                    type,
                    serviceId,
                    fieldId,
                    groupId,
                    tenantId,
                    timestamp(window.start()),
                    timestamp(window.end()),
                    actor);
            return findThreshold(c, id);
        });
    }

    public void updateThreshold(
            String thresholdId,
            BigDecimal level,
            String type,
            BigDecimal cost,
            String groupId,
            String tenantId,
            Instant end,
            String actor) {
        jdbc.inTransaction(c -> {
            ThresholdRow current = Jdbc.first(
                            c,
                            "SELECT " + THRESHOLD_COLUMNS
                                    + " WHERE t.threshold_id = ? AND t.deleted_at IS NULL FOR UPDATE OF t",
                            HashMapStore::threshold,
                            thresholdId)
                    .orElseThrow(() -> noSuchThreshold(thresholdId));
            checkChangeOfStarted(
                    current.validity(),
                    current.level().compareTo(level) == 0
                            && current.type().equals(type)
                            && current.cost().compareTo(cost) == 0
                            && java.util.Objects.equals(current.tenantId(), tenantId)
                            && (!isSet(groupId) || groupId.equals(current.groupId())),
                    end,
                    Instant.now());
            if (isSet(groupId)) {
                findGroup(c, groupId);
                Jdbc.update(
                        c,
                        "UPDATE rating_hashmap_thresholds SET group_id ="
                                + " (SELECT id FROM rating_hashmap_groups WHERE group_id = ?) WHERE threshold_id = ?",
                        groupId,
                        thresholdId);
            }
            insertOnce(
                    c,
                    "UPDATE rating_hashmap_thresholds SET level = ?, cost = ?, map_type = ?, tenant_id = ?,"
                            + " end_at = coalesce(?, end_at), updated_by = ? WHERE threshold_id = ?",
                    () -> CloudKittyError.conflict("Threshold '" + level + "' already exists for Threshold_id '"
                            + thresholdId + "', tenant: '" + tenantId + "'"),
                    level,
                    cost,
                    type,
                    tenantId,
                    timestamp(end),
                    actor,
                    thresholdId);
            return null;
        });
    }

    /** Kept as deleted: periods before now are still re-rated with it. */
    public void deleteThreshold(String thresholdId, String actor) {
        softDelete("rating_hashmap_thresholds", "threshold_id", thresholdId, actor, () -> noSuchThreshold(thresholdId));
    }

    // ---------------------------------------------------------------- helpers

    /** Marks a live rule deleted, by whom and when; the rule keeps pricing the time before. */
    private void softDelete(String table, String idColumn, String id, String actor, Supplier<CloudKittyError> missing) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(
                            c,
                            "UPDATE " + table + " SET deleted_at = now(), deleted_by = ? WHERE " + idColumn
                                    + " = ? AND deleted_at IS NULL",
                            actor,
                            id)
                    == 0) {
                throw missing.get();
            }
            return null;
        });
    }

    private static void checkParents(String serviceId, String fieldId) {
        if (isSet(serviceId) && isSet(fieldId)) {
            throw CloudKittyError.badRequest("You can only specify one parent.");
        }
        if (!isSet(serviceId) && !isSet(fieldId)) {
            throw CloudKittyError.badRequest("You must specify one parent.");
        }
    }

    /** A missing parent is the client's mistake: 400 with CloudKitty's "No such ..." text. */
    private static void parentsExist(Connection c, String serviceId, String fieldId, String groupId)
            throws SQLException {
        try {
            if (isSet(fieldId)) {
                findField(c, fieldId);
            }
            if (isSet(serviceId)) {
                findService(c, serviceId);
            }
            if (isSet(groupId)) {
                findGroup(c, groupId);
            }
        } catch (CloudKittyError missing) {
            throw CloudKittyError.badRequest(missing.getMessage());
        }
    }

    /** Runs a write that a unique constraint may refuse, turning the refusal into {@code conflict}. */
    private static void insertOnce(Connection c, String sql, Supplier<CloudKittyError> conflict, Object... parameters)
            throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            Jdbc.update(c, sql, parameters);
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                c.rollback(before);
                throw conflict.get();
            }
            throw e;
        }
    }

    private static String ruleWhere(RuleFilter filter, String alias, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (isSet(filter.serviceId())) {
            conditions.add("s.service_id = ?");
            parameters.add(filter.serviceId());
        } else if (isSet(filter.fieldId())) {
            conditions.add("f.field_id = ?");
            parameters.add(filter.fieldId());
        } else if (!isSet(filter.groupId())) {
            throw CloudKittyError.badRequest("You must specify either service_uuid, field_uuid or group_uuid.");
        }
        if (filter.tenantFiltered()) {
            if (filter.tenantId() == null) {
                conditions.add(alias + ".tenant_id IS NULL");
            } else {
                conditions.add(alias + ".tenant_id = ?");
                parameters.add(filter.tenantId());
            }
        }
        if (isSet(filter.groupId())) {
            conditions.add("g.group_id = ?");
            parameters.add(filter.groupId());
        } else if (filter.noGroup()) {
            conditions.add(alias + ".group_id IS NULL");
        }
        conditions.add(alias + ".deleted_at IS NULL");
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static ServiceRow findService(Connection c, String serviceId) throws SQLException {
        return Jdbc.first(
                        c,
                        "SELECT service_id, name FROM rating_hashmap_services WHERE service_id = ?"
                                + " AND deleted_at IS NULL",
                        HashMapStore::service,
                        serviceId)
                .orElseThrow(() -> noSuchService(serviceId));
    }

    private static FieldRow findField(Connection c, String fieldId) throws SQLException {
        return Jdbc.first(
                        c,
                        "SELECT f.field_id, s.service_id, f.name FROM rating_hashmap_fields f"
                                + " JOIN rating_hashmap_services s ON s.id = f.service_id WHERE f.field_id = ?"
                                + " AND f.deleted_at IS NULL",
                        HashMapStore::field,
                        fieldId)
                .orElseThrow(() -> noSuchField(fieldId));
    }

    private static GroupRow findGroup(Connection c, String groupId) throws SQLException {
        return Jdbc.first(
                        c,
                        "SELECT group_id, name FROM rating_hashmap_groups WHERE group_id = ? AND deleted_at IS NULL",
                        HashMapStore::group,
                        groupId)
                .orElseThrow(() -> CloudKittyError.notFound("No such group: None (UUID: " + groupId + ")"));
    }

    private static MappingRow findMapping(Connection c, String mappingId) throws SQLException {
        return Jdbc.first(
                        c,
                        "SELECT " + MAPPING_COLUMNS + " WHERE m.mapping_id = ? AND m.deleted_at IS NULL",
                        HashMapStore::mapping,
                        mappingId)
                .orElseThrow(() -> noSuchMapping(mappingId));
    }

    private static ThresholdRow findThreshold(Connection c, String thresholdId) throws SQLException {
        return Jdbc.first(
                        c,
                        "SELECT " + THRESHOLD_COLUMNS + " WHERE t.threshold_id = ? AND t.deleted_at IS NULL",
                        HashMapStore::threshold,
                        thresholdId)
                .orElseThrow(() -> noSuchThreshold(thresholdId));
    }

    private static CloudKittyError noSuchService(String serviceId) {
        return CloudKittyError.notFound("No such service: None (UUID: " + serviceId + ")");
    }

    private static CloudKittyError noSuchField(String fieldId) {
        return CloudKittyError.notFound("No such field: " + fieldId);
    }

    private static CloudKittyError noSuchMapping(String mappingId) {
        return CloudKittyError.notFound("No such mapping: " + mappingId);
    }

    private static CloudKittyError noSuchThreshold(String thresholdId) {
        return CloudKittyError.notFound("No such threshold: " + thresholdId);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static ServiceRow service(ResultSet row) throws SQLException {
        return new ServiceRow(row.getString(1), row.getString(2));
    }

    private static FieldRow field(ResultSet row) throws SQLException {
        return new FieldRow(row.getString(1), row.getString(2), row.getString(3));
    }

    private static GroupRow group(ResultSet row) throws SQLException {
        return new GroupRow(row.getString(1), row.getString(2));
    }

    private static MappingRow mapping(ResultSet row) throws SQLException {
        return new MappingRow(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getBigDecimal(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                validity(row));
    }

    private static ThresholdRow threshold(ResultSet row) throws SQLException {
        return new ThresholdRow(
                row.getString(1),
                row.getBigDecimal(2),
                row.getString(3),
                row.getBigDecimal(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                validity(row));
    }

    private static Validity validity(ResultSet row) throws SQLException {
        return new Validity(
                instant(row.getTimestamp(9)),
                instant(row.getTimestamp(10)),
                instant(row.getTimestamp(11)),
                row.getString(12),
                row.getString(13),
                row.getString(14));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * CloudKitty 23's rules for a rule's window when it is created: a start in the past only with
     * {@code force} (it reprices periods that may be invoiced already), an end after the start.
     */
    private static void checkNewWindow(Instant start, Instant end, boolean force, Instant now) {
        if (start != null && start.isBefore(now) && !force) {
            throw CloudKittyError.badRequest("start " + start + " is in the past: it would reprice periods already"
                    + " rated. Set force=true to do so.");
        }
        Instant from = start == null ? now : start;
        if (end != null && !end.isAfter(from)) {
            throw CloudKittyError.badRequest("end " + end + " must be after the rule's start " + from + ".");
        }
    }

    /** A started rule keeps everything but a future end. */
    private static void checkChangeOfStarted(Validity current, boolean unchanged, Instant end, Instant now) {
        if (!current.startedAt(now)) {
            return;
        }
        if (!unchanged) {
            throw CloudKittyError.badRequest("The rule started at " + current.start() + ": it can no longer change,"
                    + " only be given an end in the future. Create a new rule instead.");
        }
        if (end != null && !end.isAfter(now)) {
            throw CloudKittyError.badRequest("A started rule's end must be in the future, not " + end + ".");
        }
    }
}
