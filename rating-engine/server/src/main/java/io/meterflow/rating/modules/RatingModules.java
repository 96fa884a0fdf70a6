package io.meterflow.rating.modules;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.database.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rating modules this engine has (CloudKitty's: hashmap, noop, pyscripts) and their state,
 * kept in PostgreSQL so that every API and processor process sees one state. A module without a
 * stored state is disabled with priority 1, as in CloudKitty.
 */
public final class RatingModules {

    public static final String HASHMAP = "hashmap";

    private record Installed(String id, String description, boolean hotConfig) {}

    private static final List<Installed> INSTALLED = List.of(
            new Installed(HASHMAP, "HashMap rating module.", true),
            new Installed("noop", "Dummy test module.", false),
            new Installed("pyscripts", "PyScripts rating module.", true));

    private final Jdbc jdbc;

    public RatingModules(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<RatingModule> all() {
        List<RatingModule> modules = new ArrayList<>();
        for (Installed installed : INSTALLED) {
            modules.add(withState(installed));
        }
        return modules;
    }

    public Optional<RatingModule> find(String id) {
        return INSTALLED.stream().filter(m -> m.id().equals(id)).findFirst().map(this::withState);
    }

    /** Changes what is given (null: unchanged). */
    public RatingModule update(String id, Boolean enabled, Integer priority) {
        RatingModule current = find(id).orElseThrow(() -> CloudKittyError.notFound("Module not found."));
        boolean newEnabled = enabled == null ? current.enabled() : enabled;
        int newPriority = priority == null ? current.priority() : priority;
        jdbc.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO rating_modules (module_id, enabled, priority) VALUES (?, ?, ?)"
                        + " ON CONFLICT (module_id) DO UPDATE SET enabled = EXCLUDED.enabled, priority = EXCLUDED.priority",
                id,
                newEnabled,
                newPriority));
        return find(id).orElseThrow();
    }

    public boolean isEnabled(String id) {
        return find(id).map(RatingModule::enabled).orElse(false);
    }

    private RatingModule withState(Installed installed) {
        record State(boolean enabled, int priority) {}
        State state = jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT enabled, priority FROM rating_modules WHERE module_id = ?",
                        row -> new State(row.getBoolean(1), row.getInt(2)),
                        installed.id())
                .orElse(new State(false, 1)));
        return new RatingModule(
                installed.id(), installed.description(), installed.hotConfig(), state.enabled(), state.priority());
    }
}
