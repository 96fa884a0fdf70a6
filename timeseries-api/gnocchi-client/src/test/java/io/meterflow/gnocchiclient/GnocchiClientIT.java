package io.meterflow.gnocchiclient;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract against Meterflow's own time-series API, started in this JVM on a real PostgreSQL
 * (the server's ApiFixture, direct ingest mode: a measure is aggregated when its POST returns).
 */
@RealServices
class GnocchiClientIT extends GnocchiClientContract {

    private static ApiFixture api;
    private static UsageScenario data;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        data = UsageScenario.seed(api.baseUri());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Override
    protected UsageScenario data() {
        return data;
    }
}
