package io.meterflow.rating.billing;

/** A plan, subscription or credit the API refuses, with every problem named. */
final class InvalidPlanException extends RuntimeException {

    InvalidPlanException(String message) {
        super(message);
    }
}
