package io.meterflow.rating.pyscripts;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.database.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CloudKitty's pyscripts module's scripts, stored so that a configuration moved from CloudKitty
 * keeps them. Meterflow does not run Python: the scripts are kept, listed and versioned by their
 * SHA-512 checksum, and the module prices nothing (docs/rating-api.md).
 */
public final class PyScriptStore {

    /** A script and the SHA-512 of its text, as CloudKitty computes it. */
    public record Script(String scriptId, String name, String data, String checksum) {}

    private final Jdbc jdbc;
    private final Supplier<UUID> ids;

    public PyScriptStore(Jdbc jdbc, Supplier<UUID> ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public List<Script> all() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c, "SELECT script_id, name, data, checksum FROM rating_pyscripts ORDER BY id", PyScriptStore::script));
    }

    public Script find(String scriptId) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT script_id, name, data, checksum FROM rating_pyscripts WHERE script_id = ?",
                        PyScriptStore::script,
                        scriptId)
                .orElseThrow(() -> noSuchScript(scriptId)));
    }

    public Script create(String name, String data) {
        return jdbc.inTransaction(c -> {
            var existing = Jdbc.first(
                    c,
                    "SELECT script_id, name, data, checksum FROM rating_pyscripts WHERE name = ?",
                    PyScriptStore::script,
                    name);
            if (existing.isPresent()) {
                throw CloudKittyError.conflict("Script " + name + " already exists (UUID: "
                        + existing.get().scriptId() + ")");
            }
            Script script = new Script(ids.get().toString(), name, data, checksum(data));
            Jdbc.update(
                    c,
                    "INSERT INTO rating_pyscripts (script_id, name, data, checksum) VALUES (?, ?, ?, ?)",
                    script.scriptId(),
                    script.name(),
                    script.data(),
                    script.checksum());
            return script;
        });
    }

    public Script update(String scriptId, String name, String data) {
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(
                    c,
                    "UPDATE rating_pyscripts SET name = coalesce(?, name), data = coalesce(?, data),"
                            + " checksum = coalesce(?, checksum) WHERE script_id = ?",
                    name,
                    data,
                    data == null ? null : checksum(data),
                    scriptId);
            if (changed == 0) {
                throw noSuchScript(scriptId);
            }
            return Jdbc.first(
                            c,
                            "SELECT script_id, name, data, checksum FROM rating_pyscripts WHERE script_id = ?",
                            PyScriptStore::script,
                            scriptId)
                    .orElseThrow();
        });
    }

    public void delete(String scriptId) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "DELETE FROM rating_pyscripts WHERE script_id = ?", scriptId) == 0) {
                throw noSuchScript(scriptId);
            }
            return null;
        });
    }

    static String checksum(String data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-512", e);
        }
    }

    private static CloudKittyError noSuchScript(String scriptId) {
        return CloudKittyError.notFound("No such script: None (UUID: " + scriptId + ")");
    }

    private static Script script(ResultSet row) throws SQLException {
        return new Script(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
    }
}
