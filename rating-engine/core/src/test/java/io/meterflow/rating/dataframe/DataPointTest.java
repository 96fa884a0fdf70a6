package io.meterflow.rating.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rules see of a point: CloudKitty's {@code desc}, the groupby over the metadata. */
class DataPointTest {

    private static final Object ABSENT = new Object();

    @Test
    void theGroupbyWinsOverTheMetadataOnANameBothHold() {
        DataPoint point = point(Map.of("id", "vm-1", "flavor_name", "m1.large"), Map.of("flavor_name", "m1.tiny"));
        assertThat(point.describeOr("flavor_name", ABSENT)).isEqualTo("m1.large");
    }

    @Test
    void namesAreFoundByValueNotOnlyByReference() {
        // Built at run time: neither interned nor the instance the maps hold.
        String name = new StringBuilder("flavor").append("_name").toString();
        DataPoint point = point(Map.of("id", "vm-1"), Map.of("flavor_name", "m1.tiny"));
        assertThat(point.describeOr(name, ABSENT)).isEqualTo("m1.tiny");
    }

    @Test
    void anAbsentNameAndANullValueAreTwoThings() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("image_ref", null);
        DataPoint point = point(Map.of("id", "vm-1"), metadata);
        assertThat(point.describeOr("image_ref", ABSENT)).isNull();
        assertThat(point.describeOr("os_type", ABSENT)).isSameAs(ABSENT);
    }

    @Test
    void everyOfManyNamesIsFoundDespiteSharedHashBits() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            metadata.put("key" + i, i);
        }
        DataPoint point = point(Map.of("id", "vm-1"), metadata);
        for (int i = 0; i < 200; i++) {
            assertThat(point.describeOr("key" + i, ABSENT)).isEqualTo(i);
        }
        assertThat(point.describeOr("key200", ABSENT)).isSameAs(ABSENT);
    }

    @Test
    void aRatedPointKeepsItsAttributes() {
        DataPoint point = point(Map.of("id", "vm-1"), Map.of("vcpus", 2));
        DataPoint rated = point.withPrice(new BigDecimal("0.25"));
        assertThat(rated.groupby()).isEqualTo(Map.of("id", "vm-1"));
        assertThat(rated.metadata()).isEqualTo(Map.of("vcpus", 2));
        assertThat(rated.price()).isEqualByComparingTo("0.25");
    }

    private static DataPoint point(Map<String, Object> groupby, Map<String, Object> metadata) {
        return DataPoint.unrated("instance", BigDecimal.ONE, groupby, metadata);
    }
}
