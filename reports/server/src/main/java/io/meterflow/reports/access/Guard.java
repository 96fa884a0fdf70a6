package io.meterflow.reports.access;

import io.meterflow.policy.Policy;
import io.meterflow.reports.api.ForbiddenException;
import java.util.HashMap;
import java.util.Map;

/** Asks the policy before a call acts, and refuses with 403 naming the rule. */
public final class Guard {

    private final Policy policy;

    public Guard(Policy policy) {
        this.policy = policy;
    }

    public void require(String rule, Caller caller, String projectId) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", projectId);
        if (!policy.allows(rule, target, caller.credentials())) {
            throw new ForbiddenException(rule);
        }
    }

    public boolean allows(String rule, Caller caller, String projectId) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", projectId);
        return policy.allows(rule, target, caller.credentials());
    }
}
