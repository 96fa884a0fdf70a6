package io.meterflow.timeseries.samples;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.ForbiddenException;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.failure.TimeseriesFailure;
import io.meterflow.timeseries.failure.UnavailableException;
import io.meterflow.timeseries.resourceid.ResourceIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who the sample ingest acts as in the index: an admin caller whose creator is recorded on what
 * it creates and seeds the UUIDs of non-UUID resource ids (Gnocchi's transformation), as the
 * publisher's service user does.
 */
record IngestIdentity(Caller caller) {

    static IngestIdentity of(String creator) {
        int colon = creator.indexOf(':');
        String user = colon < 0 ? creator : creator.substring(0, colon);
        String project = colon < 0 ? "" : creator.substring(colon + 1);
        return new IngestIdentity(new Caller(creator, user, project, Set.of("admin")));
    }

    String creator() {
        return caller.creator();
    }

    /** The external id as sent to Gnocchi ({@code /} is forbidden there, the publisher replaces it). */
    static String gnocchiId(String resourceId) {
        return resourceId.replace('/', '_');
    }

    UUID resourceUuid(String resourceId) {
        try {
            return ResourceIds.toResourceUuid(gnocchiId(resourceId), caller.creator());
        } catch (IllegalArgumentException unusable) {
            throw new MalformedInputException("resource id " + resourceId + ": " + unusable.getMessage());
        }
    }

    /** The owners a sample or event names, as a request's generic fields: unknown ones are left out. */
    static Map<String, String> owners(String userId, String projectId) {
        Map<String, String> owners = new LinkedHashMap<>();
        if (userId != null) {
            owners.put("user_id", userId);
        }
        if (projectId != null) {
            owners.put("project_id", projectId);
        }
        return owners;
    }

    /** The index's refusal of what the input asked for, as a dead-letter reason. */
    static MalformedInputException refused(String what, TimeseriesFailure refusal) {
        return new MalformedInputException(what + " refused (" + kind(refusal) + "): " + refusal.getMessage(), refusal);
    }

    private static String kind(TimeseriesFailure refusal) {
        if (refusal instanceof NotFoundException) {
            return "not found";
        } else if (refusal instanceof ConflictException) {
            return "conflict";
        } else if (refusal instanceof ForbiddenException) {
            return "forbidden";
        } else if (refusal instanceof UnavailableException) {
            return "unavailable";
        }
        return "invalid input";
    }
}
