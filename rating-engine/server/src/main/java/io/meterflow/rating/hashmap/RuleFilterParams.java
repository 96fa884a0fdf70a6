package io.meterflow.rating.hashmap;

import io.meterflow.rating.hashmap.HashMapRows.RuleFilter;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The query parameters CloudKitty's mapping and threshold listings share. */
public final class RuleFilterParams {

    @QueryParam("service_id")
    String serviceId;

    @QueryParam("field_id")
    String fieldId;

    @QueryParam("group_id")
    String groupId;

    @QueryParam("no_group")
    @DefaultValue("false")
    boolean noGroup;

    @QueryParam("tenant_id")
    String tenantId;

    @QueryParam("filter_tenant")
    @DefaultValue("false")
    boolean filterTenant;

    RuleFilter filter() {
        return new RuleFilter(serviceId, fieldId, groupId, noGroup, filterTenant, tenantId);
    }
}
