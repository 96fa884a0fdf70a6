package io.meterflow.timeseries.archivepolicy;

import io.meterflow.timeseries.database.DatabaseException;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import java.util.List;

/** Archive policy operations with Gnocchi's rules about what may change. */
public final class ArchivePolicyService {

    private final Transactions transactions;
    private final ArchivePolicyDao policies;

    public ArchivePolicyService(Transactions transactions, ArchivePolicyDao policies) {
        this.transactions = transactions;
        this.policies = policies;
    }

    public ArchivePolicy create(ArchivePolicy policy) {
        try {
            transactions.inTransaction(connection -> {
                policies.insert(connection, policy);
                return null;
            });
            return policy;
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw new ConflictException("Archive policy " + policy.name() + " already exists");
            }
            throw failure;
        }
    }

    public ArchivePolicy get(String name) {
        return transactions
                .read(connection -> policies.find(connection, name))
                .orElseThrow(() -> new NotFoundException(noSuchPolicy(name)));
    }

    public List<ArchivePolicy> list() {
        return transactions.read(policies::list);
    }

    /** Changes points/timespans; granularities can be neither added, dropped nor changed. */
    public ArchivePolicy updateDefinition(String name, List<ArchivePolicyItem> items) {
        return transactions.inTransaction(connection -> {
            ArchivePolicy current =
                    policies.find(connection, name).orElseThrow(() -> new NotFoundException(noSuchPolicy(name)));
            ArchivePolicy updated;
            try {
                updated = current.withDefinition(items);
            } catch (IllegalArgumentException invalid) {
                throw InvalidInputException.because(invalid.getMessage());
            }
            if (current.definition().size() != updated.definition().size()) {
                throw unsupportedChange(name, "Cannot add or drop granularities");
            }
            for (int i = 0; i < current.definition().size(); i++) {
                long before = current.definition().get(i).granularity();
                if (before != updated.definition().get(i).granularity()) {
                    throw unsupportedChange(
                            name, ArchivePolicy.formatSeconds(before) + " granularity interval was changed");
                }
            }
            policies.updateDefinition(connection, updated);
            return updated;
        });
    }

    public void delete(String name) {
        try {
            boolean deleted = transactions.inTransaction(connection -> policies.delete(connection, name));
            if (!deleted) {
                throw new NotFoundException(noSuchPolicy(name));
            }
        } catch (DatabaseException failure) {
            if (Transactions.FOREIGN_KEY_VIOLATION.equals(failure.sqlState())) {
                throw InvalidInputException.because("Archive policy " + name + " is still in use");
            }
            throw failure;
        }
    }

    public static String noSuchPolicy(String name) {
        return "Archive policy " + name + " does not exist";
    }

    private static InvalidInputException unsupportedChange(String name, String reason) {
        return InvalidInputException.because("Archive policy " + name + " does not support change: " + reason);
    }
}
