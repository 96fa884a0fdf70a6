package io.meterflow.timeseries.metric;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyDao;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyService;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRuleService;
import io.meterflow.timeseries.database.DatabaseException;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.ForbiddenException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.paging.PageRequest;
import io.meterflow.timeseries.resourceid.ResourceIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Metric life cycle: creation with policy resolution, lookup with access checks, deletion. */
public final class MetricService {

    private final Transactions transactions;
    private final MetricDao metrics;
    private final ArchivePolicyDao policies;
    private final ArchivePolicyRuleService rules;
    private final ResourceOwners resources;
    private final AccessPolicy access;
    private final Supplier<UUID> ids;

    public MetricService(
            Transactions transactions,
            MetricDao metrics,
            ArchivePolicyDao policies,
            ArchivePolicyRuleService rules,
            ResourceOwners resources,
            AccessPolicy access,
            Supplier<UUID> ids) {
        this.transactions = transactions;
        this.metrics = metrics;
        this.policies = policies;
        this.rules = rules;
        this.resources = resources;
        this.access = access;
        this.ids = ids;
    }

    public Metric create(Caller caller, MetricRequest request) {
        if (request.name() != null && request.name().contains("/")) {
            throw InvalidInputException.because("'/' is not supported in metric name");
        }
        UUID resourceId = null;
        if (request.resourceId() != null) {
            try {
                resourceId = ResourceIds.toResourceUuid(request.resourceId(), caller.creator());
            } catch (IllegalArgumentException invalid) {
                throw InvalidInputException.field(
                        invalid.getMessage() + " for dictionary value @ data['resource_id']", List.of("resource_id"));
            }
            if (request.name() == null) {
                throw InvalidInputException.of(
                        "Attribute value error", "name", "Name cannot be null if resource_id is not null");
            }
        }
        UUID linkedResource = resourceId;
        try {
            return transactions.inTransaction(connection -> {
                ArchivePolicy policy = resolvePolicy(connection, request.archivePolicyName(), request.name());
                String resourceProject = null;
                if (linkedResource != null) {
                    ResourceOwners.Owner owner =
                            resources.find(connection, List.of(linkedResource)).get(linkedResource);
                    if (owner == null) {
                        throw new NotFoundException("Resource " + linkedResource + " does not exist");
                    }
                    if (!access.isAdminOrCreator(
                            caller,
                            new AccessPolicy.Target(owner.creator(), owner.createdByProjectId(), owner.projectId()))) {
                        throw new ForbiddenException();
                    }
                    resourceProject = owner.projectId();
                }
                Metric metric = new Metric(
                        ids.get(),
                        caller.creator(),
                        request.name(),
                        request.unit(),
                        linkedResource,
                        resourceProject,
                        policy);
                metrics.insert(connection, metric);
                return metric;
            });
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw InvalidInputException.of("Named metric already exists", request.name(), null);
            }
            throw failure;
        }
    }

    /** The named policy, or the one the archive policy rules give the metric's name. */
    public ArchivePolicy resolvePolicy(Connection connection, String policyName, String metricName)
            throws SQLException {
        String name = policyName;
        if (name == null) {
            name = rules.policyFor(connection, metricName)
                    .orElseThrow(() -> InvalidInputException.because(
                            "No archive policy name specified and no archive policy rule found matching the metric name "
                                    + (metricName == null ? "None" : metricName)));
        }
        String wanted = name;
        return policies.find(connection, name)
                .orElseThrow(() -> InvalidInputException.because(ArchivePolicyService.noSuchPolicy(wanted)));
    }

    /** The metric with this id (any string: non-UUIDs simply do not exist). */
    public Metric get(String id) {
        UUID uuid = ResourceIds.parseUuid(id).orElseThrow(() -> noSuchMetric(id));
        return transactions.read(connection -> metrics.find(connection, uuid)).orElseThrow(() -> noSuchMetric(id));
    }

    public Metric getReadable(Caller caller, String id) {
        Metric metric = get(id);
        access.requireMetricReader(caller, metric.accessTarget());
        return metric;
    }

    /** The metric with this id, if the policy lets the caller read its measures ({@code get measures}). */
    public Metric getMeasuresReadable(Caller caller, String id) {
        Metric metric = get(id);
        access.requireMeasuresReader(caller, metric.accessTarget());
        return metric;
    }

    public Map<UUID, Metric> getAll(List<UUID> ids) {
        return transactions.read(connection -> metrics.findAll(connection, ids));
    }

    /** Lists metrics; {@code caller} may be null where, as in Gnocchi's basic mode, listing asks no identity. */
    public List<Metric> list(Caller caller, Map<String, Object> equalities, PageRequest page) {
        AccessPolicy.Visibility visibility = access.metricVisibility(caller);
        return transactions.read(
                connection -> metrics.list(connection, new MetricFilter(equalities, visibility), page));
    }

    public void delete(Caller caller, String id) {
        Metric metric = get(id);
        access.requireMetricDeleter(caller, metric.accessTarget());
        if (!transactions.inTransaction(connection -> metrics.delete(connection, metric.id()))) {
            throw noSuchMetric(id);
        }
    }

    public static NotFoundException noSuchMetric(String id) {
        return new NotFoundException("Metric " + id + " does not exist");
    }
}
