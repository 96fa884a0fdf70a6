package io.meterflow.timeseries.resourcetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /v1/resource_type end to end on a real PostgreSQL, with the expectations of Gnocchi's
 * resource-type.yaml: typed schemas and their defaults, JSON-Patch add (with fill) and remove,
 * delete only when unused, and bad schemas refused without touching the stored type.
 */
@RealServices
class ResourceTypeApiIT {

    private static final String JSON_PATCH = "application/json-patch+json";

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static GnocchiClient user;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
        user = api.user("foobar");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void newDatabaseHasGenericAndCeilometersTypes() {
        Reply list = user.get("/v1/resource_type");

        assertThat(list.status()).as("%s", list).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().forEach(type -> names.add(type.get("name").asText()));
        assertThat(names)
                .contains(
                        "generic",
                        "instance",
                        "instance_disk",
                        "instance_network_interface",
                        "volume",
                        "image",
                        "ipmi",
                        "network",
                        "stack",
                        "swift_account",
                        "host",
                        "host_disk",
                        "host_network_interface",
                        "volume_provider");
        JsonNode instance = user.get("/v1/resource_type/instance").json();
        assertThat(instance.at("/attributes/flavor_id/type").asText()).isEqualTo("string");
        assertThat(instance.at("/attributes/flavor_id/required").asBoolean()).isTrue();
        assertThat(instance.at("/attributes/launched_at/type").asText()).isEqualTo("datetime");
        assertThat(user.get("/v1/resource_type/generic")
                        .json()
                        .get("attributes")
                        .size())
                .isZero();
    }

    @Test
    void createsTypedSchemaWithGnocchisDefaults() {
        Reply created = admin.post("/v1/resource_type", """
                {"name": "rt_typed", "attributes": {
                  "name": {"type": "string", "required": true, "max_length": 5, "min_length": 2},
                  "foobar": {"type": "string", "required": false},
                  "uuid": {"type": "uuid"},
                  "int": {"type": "number", "required": false, "min": -2, "max": 3},
                  "intnomin": {"type": "number", "required": false, "max": 3},
                  "float": {"type": "number", "required": false, "min": -2.3},
                  "bool": {"type": "bool", "required": false},
                  "datetime": {"type": "datetime", "required": false}}}""");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/v1/resource_type/rt_typed");
        JsonNode attributes = created.json().get("attributes");
        assertThat(created.json().get("state").asText()).isEqualTo("active");
        assertThat(attributes.get("name"))
                .isEqualTo(json("{\"type\": \"string\", \"required\": true, \"min_length\": 2, \"max_length\": 5}"));
        assertThat(attributes.get("foobar"))
                .isEqualTo(json("{\"type\": \"string\", \"required\": false, \"min_length\": 0, \"max_length\": 255}"));
        assertThat(attributes.get("uuid")).isEqualTo(json("{\"type\": \"uuid\", \"required\": true}"));
        assertThat(attributes.get("intnomin").get("min").isNull()).isTrue();
        assertThat(attributes.get("intnomin").get("max").asDouble()).isEqualTo(3.0);
        assertThat(attributes.get("float").get("min").asDouble()).isEqualTo(-2.3);
        assertThat(attributes.get("float").get("max").isNull()).isTrue();
        assertThat(attributes.get("bool")).isEqualTo(json("{\"type\": \"bool\", \"required\": false}"));
        assertThat(attributes.get("datetime")).isEqualTo(json("{\"type\": \"datetime\", \"required\": false}"));
        assertThat(user.get("/v1/resource_type/rt_typed").json()).isEqualTo(created.json());
    }

    @Test
    void resourcesAreCheckedAgainstTheSchema() {
        createType("rt_checked", """
                {"name": {"type": "string", "required": true, "max_length": 5, "min_length": 2},
                 "uuid": {"type": "uuid"},
                 "int": {"type": "number", "required": false, "min": -2, "max": 3},
                 "bool": {"type": "bool", "required": false}}""");
        String path = "/v1/resource/rt_checked";
        String id = "d11edfca-4393-4fda-b94d-b05a3a1b3747";

        Reply tooLong =
                user.post(path, Map.of("id", id, "name", "toolong!!!", "uuid", "07eb339e-23c0-4be2-be43-cd8247afae3b"));
        Reply badUuid = user.post(path, Map.of("id", id, "name", "too", "uuid", "really!"));
        Reply tooBig = user.post(
                path, Map.of("id", id, "name", "too", "uuid", "07eb339e-23c0-4be2-be43-cd8247afae3b", "int", 4));
        Reply missingRequired = user.post(path, Map.of("id", id, "name", "too"));
        Reply notBool = user.post(
                path, Map.of("id", id, "name", "too", "uuid", "07eb339e-23c0-4be2-be43-cd8247afae3b", "bool", "maybe"));

        assertInvalidInput(tooLong, "length of value must be at most 5 for dictionary value @ data", "name");
        assertInvalidInput(badUuid, "badly formed hexadecimal UUID string for dictionary value @ data", "uuid");
        assertInvalidInput(tooBig, "value must be at most 3 for dictionary value @ data", "int");
        assertInvalidInput(missingRequired, "required key not provided @ data", "uuid");
        assertThat(notBool.status()).as("%s", notBool).isEqualTo(400);
        assertThat(notBool.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(user.get(path + "/" + id).status()).isEqualTo(404);
        assertThat(user.post("/v1/search/resource/rt_checked", "{}").json().size())
                .isZero();

        Reply good = user.post(
                path, Map.of("id", id, "name", "bar", "uuid", "e495ebad-be64-46c0-81d6-b079beb48df9", "int", 1));
        assertThat(good.status()).as("%s", good).isEqualTo(201);
        assertThat(good.json().get("bool").isNull()).isTrue();
    }

    @Test
    void unknownTypeIsNotFound() {
        Reply show = user.get("/v1/resource_type/nope");
        Reply create = user.post("/v1/resource/nope", Map.of("id", "x"));
        Reply delete = admin.delete("/v1/resource_type/%E2%9C%94%C3%A9%C3%B1%E2%98%83");

        assertThat(show.status()).isEqualTo(404);
        assertThat(show.description().asText()).isEqualTo("Resource type nope does not exist");
        assertThat(create.status()).isEqualTo(404);
        assertThat(create.description().asText()).isEqualTo("Resource type nope does not exist");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.description().asText()).isEqualTo("Resource type ✔éñ☃ does not exist");
    }

    @Test
    void badSchemasAreRefusedAndNothingIsCreated() {
        JsonNode before = user.get("/v1/resource_type").json();

        Reply nonAdmin = user.post("/v1/resource_type", Map.of("name", "rt_bad"));
        Reply extraKey = admin.post("/v1/resource_type", """
                {"name": "rt_bad", "attributes": {"foo": {"type": "string", "max_length": 32, "noexist": "foo"}}}""");
        Reply lengths = admin.post("/v1/resource_type", """
                {"name": "rt_bad", "attributes": {"foo": {"type": "string", "max_length": 2, "min_length": 5}}}""");
        Reply bounds = admin.post("/v1/resource_type", """
                {"name": "rt_bad", "attributes": {"foo": {"type": "number", "max": 3, "min": 8}}}""");
        Reply unknownType = admin.post("/v1/resource_type", """
                {"name": "rt_bad", "attributes": {"foo": {"type": "notexist"}}}""");
        Reply reserved = admin.post("/v1/resource_type", """
                {"name": "rt_bad", "attributes": {"project_id": {"type": "string"}}}""");
        Reply malformed = admin.post("/v1/resource_type", "{\"name\": ");

        assertThat(nonAdmin.status()).isEqualTo(403);
        for (Reply refused : List.of(extraKey, lengths, bounds, unknownType, reserved)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.json().get("code").asInt()).isEqualTo(400);
            assertThat(refused.json().get("title").asText()).isEqualTo("Bad Request");
        }
        assertThat(extraKey.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.description().get("cause").asText()).isEqualTo("Unable to decode body");
        assertThat(user.get("/v1/resource_type/rt_bad").status()).isEqualTo(404);
        assertThat(user.get("/v1/resource_type").json()).isEqualTo(before);
    }

    @Test
    void duplicateNameConflicts() {
        createType("rt_twice", "{}");
        JsonNode before = user.get("/v1/resource_type/rt_twice").json();

        Reply again = admin.post("/v1/resource_type", """
                {"name": "rt_twice", "attributes": {"foo": {"type": "bool"}}}""");

        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.description().asText()).isEqualTo("Resource type rt_twice already exists");
        assertThat(user.get("/v1/resource_type/rt_twice").json()).isEqualTo(before);
    }

    @Test
    void patchAddsFilledAttributesToExistingRowsAndHistoryAndRemovesOthers() {
        createType("rt_patched", """
                {"name": {"type": "string", "required": true, "max_length": 5},
                 "foobar": {"type": "string", "required": false}}""");
        String id = "c4110aec-6e5c-43fa-b8c5-ffdfbca3ce59";
        String path = "/v1/resource/rt_patched/" + id;
        assertThat(user.post("/v1/resource/rt_patched", Map.of("id", id, "name", "bar", "foobar", "x"))
                        .status())
                .isEqualTo(201);
        assertThat(user.patch(path, Map.of("name", "foo")).status()).isEqualTo(200);

        Reply patched = admin.send("PATCH", "/v1/resource_type/rt_patched", JSON_PATCH, """
                [{"op": "add", "path": "/attributes/opt-int",
                  "value": {"type": "number", "required": false, "min": 0, "max": 255}},
                 {"op": "add", "path": "/attributes/filled",
                  "value": {"type": "string", "required": false, "options": {"fill": "filled"}}},
                 {"op": "add", "path": "/attributes/newbool",
                  "value": {"type": "bool", "required": true, "options": {"fill": true}}},
                 {"op": "add", "path": "/attributes/newint",
                  "value": {"type": "number", "required": true, "min": 0, "max": 255, "options": {"fill": 15}}},
                 {"op": "add", "path": "/attributes/newuuid",
                  "value": {"type": "uuid", "required": true,
                            "options": {"fill": "00000000-0000-0000-0000-000000000000"}}},
                 {"op": "add", "path": "/attributes/newdatetime",
                  "value": {"type": "datetime", "required": true, "options": {"fill": "2017-10-10T10:10:10Z"}}},
                 {"op": "remove", "path": "/attributes/foobar"}]""");

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        JsonNode attributes = patched.json().get("attributes");
        assertThat(attributes.has("foobar")).isFalse();
        assertThat(attributes.get("newint").get("required").asBoolean()).isTrue();
        assertThat(attributes.get("newint").get("max").asDouble()).isEqualTo(255.0);
        assertThat(attributes.get("filled").has("options")).isFalse();
        assertThat(user.get("/v1/resource_type/rt_patched").json()).isEqualTo(patched.json());

        JsonNode resource = user.get(path).json();
        assertThat(resource.has("foobar")).isFalse();
        assertThat(resource.get("opt-int").isNull()).isTrue();
        assertThat(resource.get("filled").asText()).isEqualTo("filled");
        assertThat(resource.get("newbool").asBoolean()).isTrue();
        assertThat(resource.get("newint").asDouble()).isEqualTo(15.0);
        assertThat(resource.get("newuuid").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(resource.get("newdatetime").asText()).isEqualTo("2017-10-10T10:10:10+00:00");
        JsonNode history =
                user.get(path + "/history?sort=revision_end:asc-nullslast").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("name").asText()).isEqualTo("bar");
        assertThat(history.get(0).get("newint").asDouble()).isEqualTo(15.0);
        assertThat(history.get(1).get("name").asText()).isEqualTo("foo");
    }

    @Test
    void badPatchesAreRefusedAndTheTypeIsUnchanged() {
        createType("rt_stable", "{\"keep\": {\"type\": \"string\", \"required\": false}}");
        String path = "/v1/resource_type/rt_stable";
        JsonNode before = user.get(path).json();

        Reply missingFill = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/missing",
                  "value": {"type": "bool", "required": true, "options": {}}}]""");
        Reply noOptions = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/missing", "value": {"type": "bool", "required": true}}]""");
        Reply wrongFill = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/incorrect",
                  "value": {"type": "number", "required": true, "options": {"fill": "a-string"}}}]""");
        Reply removeThenAdd = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "remove", "path": "/attributes/what"},
                 {"op": "add", "path": "/attributes/what", "value": {"type": "string", "required": false}}]""");
        Reply replace = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "replace", "path": "/attributes/keep", "value": {"type": "string", "required": false}}]""");
        Reply unknownAttributeType = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/x", "value": {"type": "notexist", "required": false}}]""");
        Reply partlyBad = admin.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/fine", "value": {"type": "bool", "required": false}},
                 {"op": "remove", "path": "/attributes/unknown"}]""");
        Reply nonAdmin = user.send("PATCH", path, JSON_PATCH, """
                [{"op": "add", "path": "/attributes/y", "value": {"type": "bool", "required": false}}]""");

        assertThat(missingFill.status()).isEqualTo(400);
        assertThat(missingFill.body())
                .contains("Invalid input: Option 'fill' of resource attribute missing is "
                        + "invalid: must not be empty if required=True");
        assertThat(noOptions.status()).isEqualTo(400);
        assertThat(wrongFill.status()).isEqualTo(400);
        assertThat(wrongFill.body())
                .contains(
                        "Invalid input: Option 'fill' of resource attribute incorrect is " + "invalid: expected Real");
        assertThat(removeThenAdd.status()).isEqualTo(400);
        assertThat(removeThenAdd.body()).contains("can't remove a non-existent object 'what'");
        assertThat(replace.status()).isEqualTo(400);
        assertThat(replace.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(replace.description().get("detail")).isEqualTo(json("[\"0\", \"op\"]"));
        assertThat(replace.description().get("reason").asText())
                .startsWith("not a valid value for dictionary value @ data");
        assertThat(unknownAttributeType.status()).isEqualTo(400);
        assertThat(partlyBad.status()).isEqualTo(400);
        assertThat(partlyBad.body()).contains("can't remove a non-existent object 'unknown'");
        assertThat(nonAdmin.status()).isEqualTo(403);
        assertThat(user.get(path).json()).isEqualTo(before);
    }

    @Test
    void addThenRemoveInOnePatchLeavesNoTrace() {
        createType("rt_roundtrip", "{}");

        Reply patched = admin.send("PATCH", "/v1/resource_type/rt_roundtrip", JSON_PATCH, """
                [{"op": "add", "path": "/attributes/what", "value": {"type": "string", "required": false}},
                 {"op": "remove", "path": "/attributes/what"}]""");

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("attributes").size()).isZero();
    }

    @Test
    void deleteIsRefusedWhileUsedAndAllowedOnceUnused() {
        createType("rt_used", "{}");
        String id = "5b9bb7a2-41b5-4d7e-9a67-3a0d6d0c1e30";
        assertThat(user.post("/v1/resource/rt_used", Map.of("id", id)).status()).isEqualTo(201);

        Reply nonAdmin = user.delete("/v1/resource_type/rt_used");
        Reply inUse = admin.delete("/v1/resource_type/rt_used");
        Reply generic = admin.delete("/v1/resource_type/generic");

        assertThat(nonAdmin.status()).isEqualTo(403);
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.description().asText()).isEqualTo("Resource type rt_used is still in use");
        assertThat(generic.status()).isEqualTo(400);
        assertThat(user.get("/v1/resource_type/rt_used").status()).isEqualTo(200);
        assertThat(user.get("/v1/resource/rt_used/" + id).status()).isEqualTo(200);

        assertThat(user.delete("/v1/resource/rt_used/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/v1/resource_type/rt_used").status()).isEqualTo(204);
        assertThat(user.get("/v1/resource_type/rt_used").status()).isEqualTo(404);
        assertThat(admin.delete("/v1/resource_type/rt_used").status()).isEqualTo(404);
        createType("rt_used", "{}");
        assertThat(admin.delete("/v1/resource_type/rt_used").status()).isEqualTo(204);
    }

    private static void createType(String name, String attributes) {
        Reply created =
                admin.post("/v1/resource_type", "{\"name\": \"" + name + "\", \"attributes\": " + attributes + "}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    private static void assertInvalidInput(Reply reply, String reasonPrefix, String attribute) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText()).startsWith(reasonPrefix);
        assertThat(reply.description().get("detail")).isEqualTo(json("[\"" + attribute + "\"]"));
    }

    private static JsonNode json(String text) {
        try {
            return GnocchiClient.JSON.readTree(text);
        } catch (Exception invalid) {
            throw new IllegalArgumentException(invalid);
        }
    }
}
