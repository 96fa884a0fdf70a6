package io.meterflow.rating.hashmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every price equals the one CloudKitty 17's own hashmap module computed for the same rules and
 * usage (fixtures from {@code ck-rate.py}), to the last digit.
 */
class HashMapRaterTest {

    @ParameterizedTest
    @ValueSource(strings = {"handwritten", "random"})
    void pricesEveryPointExactlyAsCloudKittysHashmap(String name) {
        CloudKittyFixtures.Case fixture = CloudKittyFixtures.load(name);
        Map<String, HashMapRater> raters = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        int compared = 0;
        for (CloudKittyFixtures.RatedPoint rated : fixture.points()) {
            HashMapRater rater = raters.computeIfAbsent(
                    rated.scope(),
                    scope -> new HashMapRater(
                            HashMapRules.forTenant(fixture.catalog(), fixture.rules(), Optional.of(scope))));
            BigDecimal price = rater.rate(rated.type(), rated.point()).price();
            assertThat(price)
                    .as(
                            "%s %s %s (qty %s)",
                            rated.scope(),
                            rated.type(),
                            rated.id(),
                            rated.point().quantity())
                    .isEqualByComparingTo(rated.expectedPrice());
            totals.merge(rated.scope(), price, (a, b) -> a.add(b, PythonDecimal.CONTEXT));
            compared++;
        }
        assertThat(compared).isEqualTo(fixture.points().size()).isPositive();
        fixture.totals()
                .forEach((scope, total) ->
                        assertThat(totals.get(scope)).as("total of %s", scope).isEqualByComparingTo(total));
    }

    /**
     * A rater remembers what points alike are charged: through one rater for all, in batches, each
     * price equals, scale included, what a rater that has seen nothing else gives the point alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"handwritten", "random"})
    void rememberedChargesEqualThoseOfAFreshRaterToTheScale(String name) {
        CloudKittyFixtures.Case fixture = CloudKittyFixtures.load(name);
        Map<String, HashMapRater> shared = new LinkedHashMap<>();
        Map<String, List<CloudKittyFixtures.RatedPoint>> batches = new LinkedHashMap<>();
        for (CloudKittyFixtures.RatedPoint rated : fixture.points()) {
            batches.computeIfAbsent(rated.scope() + "/" + rated.type(), k -> new ArrayList<>())
                    .add(rated);
        }
        int compared = 0;
        // Twice over: the second time every outcome is remembered.
        for (int pass = 0; pass < 2; pass++) {
            for (List<CloudKittyFixtures.RatedPoint> batch : batches.values()) {
                CloudKittyFixtures.RatedPoint first = batch.get(0);
                HashMapRater rater = shared.computeIfAbsent(first.scope(), scope -> rater(fixture, scope));
                List<DataPoint> prices = rater.rate(
                        first.type(),
                        batch.stream().map(CloudKittyFixtures.RatedPoint::point).toList());
                for (int i = 0; i < batch.size(); i++) {
                    CloudKittyFixtures.RatedPoint rated = batch.get(i);
                    BigDecimal alone = rater(fixture, rated.scope())
                            .rate(rated.type(), rated.point())
                            .price();
                    assertThat(prices.get(i).price())
                            .as("%s %s", rated.scope(), rated.id())
                            .isEqualTo(alone);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(2 * fixture.points().size());
    }

    @Test
    void pointsAlikeOfQuantitiesEqualInValueButNotInScaleAreChargedAtTheirOwnScale() {
        HashMapRater rater = new HashMapRater(HashMapRules.forTenant(
                new ServiceCatalog(Map.of("instance", List.of("flavor_name"))),
                List.of(new HashMapRule.Mapping(
                        new RuleParent.OfField("instance", "flavor_name"),
                        Optional.of("m1.small"),
                        Optional.empty(),
                        Optional.empty(),
                        new Price(MapType.FLAT, new BigDecimal("0.5")))),
                Optional.empty()));
        List<DataPoint> rated = rater.rate(
                "instance", List.of(smallOf("1"), smallOf("1.00"), smallOf("1"), smallOf("2"), smallOf("1.00")));
        assertThat(rated)
                .extracting(DataPoint::price)
                .extracting(BigDecimal::toPlainString)
                .containsExactly("0.5", "0.500", "0.5", "1.0", "0.500");
    }

    /**
     * A plan remembers recent charges in a few slots by the quantity's hash: quantities that share
     * a slot, or equal ones at other scales, each get their own charge, first time and again.
     */
    @Test
    void manyQuantitiesOfOnePlanAreEachChargedTheirOwnPriceFirstTimeAndAgain() {
        HashMapRater shared = smallAtHalf();
        List<DataPoint> points = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            points.add(smallOf(new BigDecimal(n % 150).movePointLeft(n % 3).toPlainString()));
        }
        for (int pass = 0; pass < 2; pass++) {
            List<DataPoint> rated = shared.rate("instance", points);
            for (int i = 0; i < points.size(); i++) {
                assertThat(rated.get(i).price())
                        .as("quantity %s", points.get(i).quantity())
                        .isEqualTo(smallAtHalf().rate("instance", points.get(i)).price())
                        .isEqualTo(points.get(i).quantity().multiply(new BigDecimal("0.5")));
            }
        }
    }

    private static HashMapRater smallAtHalf() {
        return new HashMapRater(HashMapRules.forTenant(
                new ServiceCatalog(Map.of("instance", List.of("flavor_name"))),
                List.of(new HashMapRule.Mapping(
                        new RuleParent.OfField("instance", "flavor_name"),
                        Optional.of("m1.small"),
                        Optional.empty(),
                        Optional.empty(),
                        new Price(MapType.FLAT, new BigDecimal("0.5")))),
                Optional.empty()));
    }

    private static DataPoint smallOf(String quantity) {
        return DataPoint.unrated(
                "instance", new BigDecimal(quantity), Map.of("id", "vm"), Map.of("flavor_name", "m1.small"));
    }

    private static HashMapRater rater(CloudKittyFixtures.Case fixture, String scope) {
        return new HashMapRater(HashMapRules.forTenant(fixture.catalog(), fixture.rules(), Optional.of(scope)));
    }

    @Test
    void aFieldWithThresholdsAndAValueThatIsNoNumberStopsTheRatingWithAMessageNamingIt() {
        HashMapRules rules = HashMapRules.forTenant(
                new ServiceCatalog(Map.of("instance", List.of("vcpus"))),
                List.of(new HashMapRule.Threshold(
                        new RuleParent.OfField("instance", "vcpus"),
                        BigDecimal.ONE,
                        Optional.empty(),
                        Optional.empty(),
                        new Price(MapType.FLAT, BigDecimal.ONE))),
                Optional.empty());
        DataPoint point = DataPoint.unrated("instance", BigDecimal.ONE, Map.of("id", "vm-1"), Map.of("vcpus", "two"));
        assertThatThrownBy(() -> new HashMapRater(rules).rate("instance", point))
                .isInstanceOf(UnratableFieldException.class)
                .hasMessageContaining("vcpus")
                .hasMessageContaining("two");
    }

    /**
     * A service threshold that is the only rule of its group (the field mappings are in another):
     * the case python3-cloudkittyclient's walkthrough found, priced as ck-rate.py printed it
     * (1, 3 and 1.4).
     */
    @Test
    void aServiceThresholdAloneInItsGroupAddsToTheLineOfAnotherGroupsMapping() {
        RuleParent.OfField flavor = new RuleParent.OfField("instance", "flavor_name");
        List<HashMapRule> rules = List.of(
                new HashMapRule.Mapping(
                        flavor,
                        Optional.of("m1.small"),
                        Optional.of("uptime"),
                        Optional.empty(),
                        new Price(MapType.FLAT, new BigDecimal("0.5"))),
                new HashMapRule.Mapping(
                        flavor,
                        Optional.of("m1.small"),
                        Optional.of("uptime"),
                        Optional.of("p2"),
                        new Price(MapType.FLAT, new BigDecimal("0.7"))),
                new HashMapRule.Threshold(
                        new RuleParent.OfService("instance"),
                        new BigDecimal("3"),
                        Optional.empty(),
                        Optional.empty(),
                        new Price(MapType.FLAT, new BigDecimal("1.5"))));
        ServiceCatalog catalog = new ServiceCatalog(Map.of("instance", List.of("flavor_name")));
        HashMapRater p1 = new HashMapRater(HashMapRules.forTenant(catalog, rules, Optional.of("p1")));
        HashMapRater p2 = new HashMapRater(HashMapRules.forTenant(catalog, rules, Optional.of("p2")));

        assertThat(p1.rate("instance", small(2)).price()).isEqualByComparingTo("1");
        assertThat(p1.rate("instance", small(3)).price()).isEqualByComparingTo("3");
        assertThat(p2.rate("instance", small(2)).price()).isEqualByComparingTo("1.4");
    }

    private static DataPoint small(int quantity) {
        return DataPoint.unrated(
                "instance", BigDecimal.valueOf(quantity), Map.of("id", "vm"), Map.of("flavor_name", "m1.small"));
    }
}
