package io.meterflow.demo.scenario;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A tenant of the simulated cloud. Ids look like Keystone's (32 hex digits) and are derived from
 * the key, so every start of the demo, on every machine, has the same projects.
 */
public record DemoProject(String key, String name, String id, String userId, String userName) {

    public static DemoProject of(String key, String name) {
        return new DemoProject(key, name, hexId("project:" + key), hexId("user:" + key), key + "-admin");
    }

    static String hexId(String seed) {
        return UUID.nameUUIDFromBytes(("meterflow-demo:" + seed).getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
