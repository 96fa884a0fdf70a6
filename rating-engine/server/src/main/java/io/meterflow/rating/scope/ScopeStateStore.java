package io.meterflow.rating.scope;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframes.RatedDataStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Scope states in PostgreSQL, filtered and paged as CloudKitty's state manager does. */
public final class ScopeStateStore {

    /** What a listing or a reset selects; an empty list selects everything. */
    public record Selection(
            List<String> scopeIds,
            List<String> scopeKeys,
            List<String> fetchers,
            List<String> collectors,
            Boolean active) {}

    private static final String COLUMNS = "scope_id, scope_key, fetcher, collector, last_processed_timestamp, active,"
            + " scope_activation_toggle_date FROM rating_scope_states";

    private final Jdbc jdbc;
    private final RatedDataStore ratedData;

    public ScopeStateStore(Jdbc jdbc, RatedDataStore ratedData) {
        this.jdbc = jdbc;
        this.ratedData = ratedData;
    }

    public List<ScopeState> select(Selection selection, int offset, int limit) {
        return jdbc.inTransaction(c -> select(c, selection, offset, limit, false));
    }

    public ScopeState create(
            String scopeId, String scopeKey, String fetcher, String collector, Boolean active, Instant lastProcessed) {
        return jdbc.inTransaction(c -> {
            if (find(c, scopeId) != null) {
                throw CloudKittyError.notFound(
                        "Cannot create a scope with an already existing scope_id: " + scopeId + ".");
            }
            Jdbc.update(
                    c,
                    "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, last_processed_timestamp,"
                            + " active) VALUES (?, ?, ?, ?, ?, ?)",
                    scopeId,
                    scopeKey,
                    fetcher,
                    collector,
                    lastProcessed == null ? null : Timestamp.from(lastProcessed),
                    active == null || active);
            return find(c, scopeId);
        });
    }

    /** Changes what is given; toggling {@code active} records when. */
    public ScopeState patch(String scopeId, String scopeKey, String fetcher, String collector, Boolean active) {
        return jdbc.inTransaction(c -> {
            ScopeState current = find(c, scopeId);
            if (current == null) {
                throw CloudKittyError.notFound("No resource found for provided filters.");
            }
            boolean toggled = active != null && active != current.active();
            Jdbc.update(
                    c,
                    "UPDATE rating_scope_states SET scope_key = coalesce(?, scope_key), fetcher = coalesce(?, fetcher),"
                            + " collector = coalesce(?, collector), active = coalesce(?, active),"
                            + " scope_activation_toggle_date = CASE WHEN ? THEN now() ELSE scope_activation_toggle_date END"
                            + " WHERE scope_id = ?",
                    scopeKey,
                    fetcher,
                    collector,
                    active,
                    toggled,
                    scopeId);
            return find(c, scopeId);
        });
    }

    /**
     * Resets the selected scopes to {@code to}: their rated points from then on are deleted and
     * they are rated again from there, in one transaction (CloudKitty's processor does both on the
     * API's reset cast).
     */
    public List<ScopeState> reset(Selection selection, Instant to) {
        return jdbc.inTransaction(c -> {
            List<ScopeState> selected = select(c, selection, 0, Integer.MAX_VALUE, true);
            for (ScopeState scope : selected) {
                ratedData.deleteScope(c, scope.scopeId(), to);
                Jdbc.update(
                        c,
                        "UPDATE rating_scope_states SET last_processed_timestamp = ? WHERE scope_id = ?",
                        Timestamp.from(to),
                        scope.scopeId());
            }
            return selected;
        });
    }

    private static ScopeState find(Connection c, String scopeId) throws SQLException {
        return Jdbc.first(c, "SELECT " + COLUMNS + " WHERE scope_id = ?", ScopeStateStore::state, scopeId)
                .orElse(null);
    }

    private static List<ScopeState> select(Connection c, Selection selection, int offset, int limit, boolean lock)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        anyOf("scope_id", selection.scopeIds(), conditions, parameters);
        anyOf("scope_key", selection.scopeKeys(), conditions, parameters);
        anyOf("fetcher", selection.fetchers(), conditions, parameters);
        anyOf("collector", selection.collectors(), conditions, parameters);
        if (selection.active() != null) {
            conditions.add("active = ?");
            parameters.add(selection.active());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        parameters.add(limit);
        parameters.add(offset);
        return Jdbc.list(
                c,
                "SELECT " + COLUMNS + where + " ORDER BY id LIMIT ? OFFSET ?" + (lock ? " FOR UPDATE" : ""),
                ScopeStateStore::state,
                parameters.toArray());
    }

    private static void anyOf(String column, List<String> values, List<String> conditions, List<Object> parameters) {
        if (values != null && !values.isEmpty()) {
            conditions.add(column + " = ANY (?)");
            parameters.add(values.toArray(String[]::new));
        }
    }

    private static ScopeState state(ResultSet row) throws SQLException {
        Timestamp last = row.getTimestamp(5);
        Timestamp toggled = row.getTimestamp(7);
        return new ScopeState(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                last == null ? null : last.toInstant(),
                row.getBoolean(6),
                toggled == null ? null : toggled.toInstant());
    }
}
