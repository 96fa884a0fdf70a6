package io.meterflow.rating.hashmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule validity windows as CloudKitty 23 has them, through the v1 API on a real PostgreSQL: a
 * start in the past only with {@code force}, a started rule frozen but for a future end, deletion
 * kept with who did it; and pricing by the rules in force at a period's start, deleted rules
 * included for the time before their deletion (which CloudKitty does not version).
 */
@RealServices
class RuleValidityIT {

    private static final String HASHMAP = "/v1/rating/module_config/hashmap/";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static RatingApiFixture api;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        database = db;
        api = RatingApiFixture.start(db);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aPastStartNeedsForceAndAStartedRuleOnlyTakesAFutureEnd() {
        String service = service("validity-compute");
        RatingApiFixture.Reply unforced = api.post(
                HASHMAP + "mappings",
                Map.of(
                        "service_id",
                        service,
                        "cost",
                        "1",
                        "type",
                        "flat",
                        "start",
                        NOW.minus(Duration.ofDays(1)).toString()));
        assertThat(unforced.status()).isEqualTo(400);
        assertThat(unforced.json().get("faultstring").asText()).contains("force=true");

        JsonNode started = created(api.post(
                HASHMAP + "mappings",
                Map.of(
                        "service_id",
                        service,
                        "cost",
                        "1",
                        "type",
                        "flat",
                        "start",
                        NOW.minus(Duration.ofDays(1)).toString(),
                        "force",
                        true)));
        String id = started.get("mapping_id").asText();
        assertThat(started.get("start").asText())
                .startsWith(NOW.minus(Duration.ofDays(1)).toString().substring(0, 19));

        RatingApiFixture.Reply repriced = api.put(
                HASHMAP + "mappings/" + id,
                Map.of("mapping_id", id, "service_id", service, "cost", "2", "type", "flat"));
        assertThat(repriced.status()).isEqualTo(400);
        assertThat(repriced.json().get("faultstring").asText()).contains("can no longer change");
        RatingApiFixture.Reply pastEnd = api.put(
                HASHMAP + "mappings/" + id,
                Map.of(
                        "mapping_id",
                        id,
                        "cost",
                        "1",
                        "type",
                        "flat",
                        "end",
                        NOW.minus(Duration.ofHours(1)).toString()));
        assertThat(pastEnd.status()).isEqualTo(400);
        String end = NOW.plus(Duration.ofDays(30)).toString();
        RatingApiFixture.Reply ended =
                api.put(HASHMAP + "mappings/" + id, Map.of("mapping_id", id, "cost", "1", "type", "flat", "end", end));
        assertThat(ended.status()).as(ended.body()).isEqualTo(302);
        assertThat(api.get(HASHMAP + "mappings/" + id).json().get("end").asText())
                .startsWith(end.substring(0, 19));
        assertThat(api.get(HASHMAP + "mappings/" + id).json().get("cost").asText())
                .startsWith("1.000");

        JsonNode future = created(api.post(
                HASHMAP + "mappings",
                Map.of(
                        "service_id",
                        service,
                        "cost",
                        "3",
                        "type",
                        "flat",
                        "tenant_id",
                        "later",
                        "start",
                        NOW.plus(Duration.ofDays(1)).toString())));
        String futureId = future.get("mapping_id").asText();
        assertThat(api.put(
                                HASHMAP + "mappings/" + futureId,
                                Map.of("mapping_id", futureId, "cost", "4", "type", "flat", "tenant_id", "later"))
                        .status())
                .as("a rule that has not started yet may still change")
                .isEqualTo(302);
    }

    @Test
    void aPeriodIsPricedByTheRulesInForceAtItsStartDeletedOnesIncluded() {
        String service = service("validity-volume");
        Instant lastMonth = NOW.minus(Duration.ofDays(30));
        Instant lastWeek = NOW.minus(Duration.ofDays(7));
        created(api.post(
                HASHMAP + "mappings",
                Map.of(
                        "service_id",
                        service,
                        "cost",
                        "0.5",
                        "type",
                        "flat",
                        "start",
                        lastMonth.toString(),
                        "end",
                        lastWeek.toString(),
                        "force",
                        true)));
        created(api.post(
                HASHMAP + "mappings",
                Map.of(
                        "service_id",
                        service,
                        "cost",
                        "0.7",
                        "type",
                        "flat",
                        "start",
                        lastWeek.toString(),
                        "force",
                        true)));
        // A storage fee in a group of its own (groups add up), deleted below.
        String fees = created(api.post(HASHMAP + "groups", Map.of("name", "validity-fees")))
                .get("group_id")
                .asText();
        String fee = created(api.postAs(
                        "fiona",
                        HASHMAP + "mappings",
                        Map.of(
                                "service_id",
                                service,
                                "cost",
                                "0.1",
                                "type",
                                "flat",
                                "group_id",
                                fees,
                                "start",
                                lastMonth.toString(),
                                "force",
                                true)))
                .get("mapping_id")
                .asText();
        assertThat(api.get(HASHMAP + "mappings/" + fee).json().get("created_by").asText())
                .isEqualTo("fiona");
        assertThat(api.delete(HASHMAP + "mappings/" + fee).status()).isEqualTo(204);
        assertThat(api.get(HASHMAP + "mappings/" + fee).status()).isEqualTo(404);
        assertThat(api.get(HASHMAP + "mappings?service_id=" + service).json().get("mappings"))
                .hasSize(2);

        HashMapRuleBook rules =
                HashMapRuleBook.load(new HashMapStore(new Jdbc(database.dataSource()), UUID::randomUUID));
        DataPoint tenGib = DataPoint.unrated("GiB", BigDecimal.TEN, Map.of("id", "vol-1"), Map.of());
        // Before any rule: nothing; then 0.5 and the fee; from last week 0.7 and the fee; after the
        // fee's deletion 0.7 alone, while re-rating the time before it still charges the fee.
        assertThat(price(rules, "validity-volume", tenGib, lastMonth.minus(Duration.ofDays(1))))
                .isEqualByComparingTo("0");
        assertThat(price(rules, "validity-volume", tenGib, lastMonth.plus(Duration.ofDays(1))))
                .isEqualByComparingTo("6");
        assertThat(price(rules, "validity-volume", tenGib, lastWeek.plus(Duration.ofHours(1))))
                .isEqualByComparingTo("8");
        assertThat(price(rules, "validity-volume", tenGib, NOW.plus(Duration.ofHours(1))))
                .isEqualByComparingTo("7");
    }

    /**
     * Beyond CloudKitty, which forgets them: deleting a group (its rules then in no group), a field
     * and a service (their rules with them) is kept with its time, so a period is priced by the
     * configuration of its start; a deleted service's name is free again at once.
     */
    @Test
    void deletingAGroupAFieldOrAServiceIsVersionedToo() throws Exception {
        String service = service("history-instance");
        String field = created(api.post(HASHMAP + "fields", Map.of("service_id", service, "name", "flavor")))
                .get("field_id")
                .asText();
        String rates = created(api.post(HASHMAP + "groups", Map.of("name", "history-rates")))
                .get("group_id")
                .asText();
        created(api.post(HASHMAP + "mappings", Map.of("service_id", service, "cost", "4", "type", "flat")));
        created(api.post(
                HASHMAP + "mappings",
                Map.of("field_id", field, "value", "m1", "cost", "0.5", "type", "rate", "group_id", rates)));
        Instant beforeDeletions = Instant.now();
        Thread.sleep(20);

        // Without recursive the rate stays, now in the default group, where it scales the flat 4.
        assertThat(api.delete(HASHMAP + "groups/" + rates).status()).isEqualTo(204);
        Instant groupDeleted = Instant.now();
        Thread.sleep(20);
        assertThat(api.get(HASHMAP + "groups/" + rates).status()).isEqualTo(404);
        JsonNode rateMapping = api.get(HASHMAP + "mappings?field_id=" + field)
                .json()
                .get("mappings")
                .get(0);
        assertThat(rateMapping.get("group_id").isNull()).isTrue();

        assertThat(api.delete(HASHMAP + "fields/" + field).status()).isEqualTo(204);
        Instant fieldDeleted = Instant.now();
        Thread.sleep(20);
        assertThat(api.get(HASHMAP + "fields/" + field).status()).isEqualTo(404);

        assertThat(api.delete(HASHMAP + "services/" + service).status()).isEqualTo(204);
        Instant serviceDeleted = Instant.now();
        assertThat(api.get(HASHMAP + "services/" + service).status()).isEqualTo(404);
        String again = service("history-instance");
        Instant newPriceStarts = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        created(api.post(
                HASHMAP + "mappings",
                Map.of("service_id", again, "cost", "9", "type", "flat", "start", newPriceStarts.toString())));

        HashMapRuleBook rules =
                HashMapRuleBook.load(new HashMapStore(new Jdbc(database.dataSource()), UUID::randomUUID));
        DataPoint m1 = DataPoint.unrated("instance", BigDecimal.ONE, Map.of("id", "vm-1"), Map.of("flavor", "m1"));
        assertThat(price(rules, "history-instance", m1, beforeDeletions)).isEqualByComparingTo("4");
        assertThat(price(rules, "history-instance", m1, groupDeleted)).isEqualByComparingTo("2");
        assertThat(price(rules, "history-instance", m1, fieldDeleted)).isEqualByComparingTo("4");
        assertThat(price(rules, "history-instance", m1, serviceDeleted)).isEqualByComparingTo("0");
        assertThat(price(rules, "history-instance", m1, newPriceStarts)).isEqualByComparingTo("9");
    }

    private static BigDecimal price(HashMapRuleBook rules, String service, DataPoint point, Instant periodStart) {
        return rules.raterFor(Optional.of("any-project"), periodStart)
                .rate(service, point)
                .price();
    }

    private static String service(String name) {
        return created(api.post(HASHMAP + "services", Map.of("name", name)))
                .get("service_id")
                .asText();
    }

    private static JsonNode created(RatingApiFixture.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }
}
