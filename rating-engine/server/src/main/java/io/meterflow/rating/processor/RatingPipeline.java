package io.meterflow.rating.processor;

import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.hashmap.HashMapRater;
import io.meterflow.rating.hashmap.HashMapRuleBook;
import io.meterflow.rating.hashmap.HashMapStore;
import io.meterflow.rating.modules.RatingModule;
import io.meterflow.rating.modules.RatingModules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enabled rating modules in CloudKitty's order (highest priority first), each pricing what the
 * previous left. The rules are read once per processing pass, as CloudKitty reads them once per
 * worker, so a pass prices every scope with the same configuration.
 */
public final class RatingPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(RatingPipeline.class);

    private final HashMapStore hashmap;
    private final RatingModules modules;

    public RatingPipeline(HashMapStore hashmap, RatingModules modules) {
        this.hashmap = hashmap;
        this.modules = modules;
    }

    /** The modules and rules as they are stored now. */
    public Rating snapshot() {
        List<RatingModule> enabled = modules.all().stream()
                .filter(RatingModule::enabled)
                .sorted(Comparator.comparingInt(RatingModule::priority).reversed())
                .toList();
        List<ModuleStep> steps = new ArrayList<>();
        for (RatingModule module : enabled) {
            switch (module.id()) {
                case RatingModules.HASHMAP -> steps.add(hashmapStep(HashMapRuleBook.load(hashmap)));
                case "pyscripts" ->
                    LOG.warn("The pyscripts module is enabled, but Meterflow does not run Python"
                            + " scripts: their charges are not added (docs/rating-api.md)");
                default -> {
                    // noop prices nothing, as in CloudKitty.
                }
            }
        }
        return (scope, periodStart, usage) -> {
            Map<String, List<DataPoint>> rated = usage;
            for (ModuleStep step : steps) {
                rated = step.apply(scope, periodStart, rated);
            }
            return rated;
        };
    }

    private interface ModuleStep {
        Map<String, List<DataPoint>> apply(String scope, Instant periodStart, Map<String, List<DataPoint>> usage);
    }

    private static ModuleStep hashmapStep(HashMapRuleBook rules) {
        return (scope, periodStart, usage) -> {
            HashMapRater rater = rules.raterFor(Optional.of(scope), periodStart);
            Map<String, List<DataPoint>> rated = new LinkedHashMap<>();
            usage.forEach((type, points) -> rated.put(type, rater.rate(type, points)));
            return rated;
        };
    }
}
