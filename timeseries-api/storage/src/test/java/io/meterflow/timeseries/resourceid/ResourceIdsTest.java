package io.meterflow.timeseries.resourceid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gnocchi's resource ids. Expected UUIDs come from Python:
 * {@code uuid.uuid5(uuid.UUID('0a7a15ff-aa13-4ac2-897c-9bdf30ce175b'), value + '\x00' + creator)}.
 */
class ResourceIdsTest {

    @ParameterizedTest(name = "\"{0}\" created by \"{1}\" is {2}")
    @CsvSource({
        "foo, admin, 7acf4bc8-81de-5932-ab59-eda92e59b49a",
        "host-a, admin, 6b1b4624-f584-5bf1-80f1-50ec9e3e3f99",
        "host-a, foobar, 05b56e48-5d48-51e3-aa3e-88c5b2a98d43",
        "host-a, user1:proj1, b6173542-9595-52dd-922f-8d85dc47a099",
        "héte-☃, admin, a666ee38-a41f-5f08-b83a-f707f595f35d"
    })
    void transformsExternalIdsWithTheCreatorAsGnocchiDoes(String value, String creator, UUID expected) {
        assertThat(ResourceIds.toResourceUuid(value, creator)).isEqualTo(expected);
    }

    @Test
    void transformsWithoutCreatorAsGnocchiDoesForNone() {
        assertThat(ResourceIds.toResourceUuid("host-a", null))
                .isEqualTo(UUID.fromString("f6d4869e-941a-5911-85fa-354a953181f7"));
    }

    @Test
    void acceptsExternalIdsUpTo255Characters() {
        assertThat(ResourceIds.toResourceUuid("x".repeat(255), "admin"))
                .isEqualTo(UUID.fromString("2a3c64a4-67da-516a-b91d-aa205d184bd3"));
        assertThatThrownBy(() -> ResourceIds.toResourceUuid("x".repeat(256), "admin"))
                .hasMessage("transformable resource id >255 max allowed characters");
    }

    @Test
    void rejectsSlashes() {
        assertThatThrownBy(() -> ResourceIds.toResourceUuid("a/b", "admin"))
                .hasMessage("'/' is not supported in resource id");
    }

    @ParameterizedTest(name = "\"{0}\" is a UUID")
    @CsvSource({
        "5e3b2d3a-5a2c-4ab0-9e2c-8f1e6bb0d6a1",
        "5E3B2D3A-5A2C-4AB0-9E2C-8F1E6BB0D6A1",
        "5e3b2d3a5a2c4ab09e2c8f1e6bb0d6a1",
        "{5e3b2d3a-5a2c-4ab0-9e2c-8f1e6bb0d6a1}",
        "urn:uuid:5e3b2d3a-5a2c-4ab0-9e2c-8f1e6bb0d6a1"
    })
    void takesUuidsInPythonsFormsAsThemselves(String value) {
        UUID uuid = UUID.fromString("5e3b2d3a-5a2c-4ab0-9e2c-8f1e6bb0d6a1");

        assertThat(ResourceIds.parseUuid(value)).contains(uuid);
        assertThat(ResourceIds.toResourceUuid(value, "admin")).isEqualTo(uuid);
    }

    @ParameterizedTest(name = "\"{0}\" is no UUID")
    @CsvSource({"not-a-uuid", "5e3b2d3a-5a2c-4ab0-9e2c", "5e3b2d3a-5a2c-4ab0-9e2c-8f1e6bb0d6a1x", "''"})
    void otherStringsAreNoUuids(String value) {
        assertThat(ResourceIds.parseUuid(value)).isEmpty();
    }
}
