package io.meterflow.operator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.operator.keystone.KeystoneAdmin;
import io.meterflow.operator.keystone.KeystoneException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Keystone's catalog (regions, services, endpoints) in the terms the registration needs. */
final class KeystoneCatalog {

    /** A service in the catalog. */
    record Service(String id, String type, String name) {}

    /** An endpoint in the catalog. */
    record Endpoint(String id, String serviceId, String interfaceName, String region, String url, boolean enabled) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneAdmin keystone;

    KeystoneCatalog(KeystoneAdmin keystone) {
        this.keystone = keystone;
    }

    boolean regionExists(String region) throws KeystoneException {
        return keystone.exists("regions/" + KeystoneAdmin.query(region));
    }

    void createRegion(String region) throws KeystoneException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("region").put("id", region).put("description", "");
        keystone.post("regions", body);
    }

    void deleteRegion(String region) throws KeystoneException {
        keystone.delete("regions/" + KeystoneAdmin.query(region));
    }

    /** The services of the type with the name, oldest first as Keystone lists them. */
    List<Service> services(MeterflowService service) throws KeystoneException {
        List<Service> found = new ArrayList<>();
        for (JsonNode node : keystone.get("services?type=" + KeystoneAdmin.query(service.type()))
                .path("services")) {
            if (service.serviceName().equals(node.path("name").asText())) {
                found.add(new Service(node.path("id").asText(), service.type(), service.serviceName()));
            }
        }
        return found;
    }

    Service createService(MeterflowService service) throws KeystoneException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("service")
                .put("type", service.type())
                .put("name", service.serviceName())
                .put("description", service.description())
                .put("enabled", true);
        JsonNode created = keystone.post("services", body).path("service");
        return new Service(created.path("id").asText(), service.type(), service.serviceName());
    }

    void deleteService(Service service) throws KeystoneException {
        keystone.delete("services/" + service.id());
    }

    /** The service's endpoints, in one region or (null) every region. */
    List<Endpoint> endpoints(Service service, String region) throws KeystoneException {
        String path = "endpoints?service_id=" + KeystoneAdmin.query(service.id())
                + (region == null ? "" : "&region_id=" + KeystoneAdmin.query(region));
        return endpoints(path);
    }

    /** Every endpoint in the region, whatever its service. */
    List<Endpoint> endpointsIn(String region) throws KeystoneException {
        return endpoints("endpoints?region_id=" + KeystoneAdmin.query(region));
    }

    private List<Endpoint> endpoints(String path) throws KeystoneException {
        List<Endpoint> found = new ArrayList<>();
        for (JsonNode node : keystone.get(path).path("endpoints")) {
            found.add(new Endpoint(
                    node.path("id").asText(),
                    node.path("service_id").asText(),
                    node.path("interface").asText(),
                    node.path("region_id").asText(node.path("region").asText()),
                    node.path("url").asText(),
                    node.path("enabled").asBoolean(true)));
        }
        return found;
    }

    void createEndpoint(Service service, Interface face, String region, URI url) throws KeystoneException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("endpoint")
                .put("service_id", service.id())
                .put("interface", face.keystoneName())
                .put("region_id", region)
                .put("url", url.toString())
                .put("enabled", true);
        keystone.post("endpoints", body);
    }

    void updateEndpoint(Endpoint endpoint, URI url) throws KeystoneException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("endpoint").put("url", url.toString()).put("enabled", true);
        keystone.patch("endpoints/" + endpoint.id(), body);
    }

    void deleteEndpoint(Endpoint endpoint) throws KeystoneException {
        keystone.delete("endpoints/" + endpoint.id());
    }
}
