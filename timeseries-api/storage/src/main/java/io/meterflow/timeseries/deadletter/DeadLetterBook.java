package io.meterflow.timeseries.deadletter;

import io.meterflow.timeseries.database.Transactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters the stream jobs sent, for {@code /v1/status} and Prometheus, counted once per
 * source record whichever process sent them and however often a replay sent them again.
 */
public final class DeadLetterBook {

    private final Transactions transactions;
    private final DeadLetterLedger ledger;

    public DeadLetterBook(Transactions transactions, DeadLetterLedger ledger) {
        this.transactions = transactions;
        this.ledger = ledger;
    }

    /** In a transaction of its own: for a stream job whose dead letters are not part of a database write. */
    public void record(DeadLetterLedger.Entry entry) {
        transactions.inTransaction(connection -> {
            ledger.record(connection, List.of(entry));
            return null;
        });
    }

    /** Every kind, zero where none was dead-lettered. */
    public Map<DeadLetterLedger.Kind, DeadLetterLedger.Totals> totals() {
        Map<DeadLetterLedger.Kind, DeadLetterLedger.Totals> found = transactions.read(ledger::totals);
        Map<DeadLetterLedger.Kind, DeadLetterLedger.Totals> all = new LinkedHashMap<>();
        for (DeadLetterLedger.Kind kind : DeadLetterLedger.Kind.values()) {
            all.put(kind, found.getOrDefault(kind, new DeadLetterLedger.Totals(0, 0)));
        }
        return all;
    }
}
