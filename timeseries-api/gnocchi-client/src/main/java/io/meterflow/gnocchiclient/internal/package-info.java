/**
 * Public for the feature packages of this module only, not for callers: the HTTP exchange, the
 * query string, Gnocchi's JSON quirks (NaN literals, timestamp forms) and its error bodies.
 * Anything here may change without notice.
 */
package io.meterflow.gnocchiclient.internal;
