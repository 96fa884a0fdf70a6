package io.meterflow.rating.billing;

/** A request that contradicts what is stored (a plan code taken, overlapping subscriptions, a plan in use). */
final class BillingConflictException extends RuntimeException {

    BillingConflictException(String message) {
        super(message);
    }
}
