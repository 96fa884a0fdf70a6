package io.meterflow.gnocchiclient;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a running real Gnocchi (4.4, basic auth, {@code admin} an administrator),
 * e.g. the anchor of shared/gnocchi/start-gnocchi.sh. Runs only when
 * {@code METERFLOW_TEST_GNOCCHI_URL} names it; it adds a policy, a resource type and twelve
 * resources with per-run names, and deletes nothing.
 */
@EnabledIfEnvironmentVariable(named = "METERFLOW_TEST_GNOCCHI_URL", matches = ".+")
class RealGnocchiIT extends GnocchiClientContract {

    private static UsageScenario data;

    @BeforeAll
    static void seed() throws Exception {
        data = UsageScenario.seed(URI.create(System.getenv("METERFLOW_TEST_GNOCCHI_URL")));
    }

    @Override
    protected UsageScenario data() {
        return data;
    }
}
