package io.meterflow.demo.api;

import io.meterflow.demo.pricing.DemoBilling;
import io.meterflow.demo.pricing.DemoBilling.Account;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo issuer and billing accounts in the reports service, each only if it is not
 * there: an operator's later edits (address, discount) survive a restart, and the issuer's number
 * sequence is never reset.
 */
public final class BillingSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(BillingSeeder.class);

    private final ServiceClient reports;

    public BillingSeeder(ServiceClient reports) {
        this.reports = reports;
    }

    public void seed(Map<String, Object> issuer, List<Account> accounts) throws InterruptedException {
        createIfMissing("v1/issuers/" + DemoBilling.ISSUER_ID, issuer);
        for (Account account : accounts) {
            createIfMissing("v1/accounts/" + account.id(), account.document());
        }
    }

    private void createIfMissing(String path, Map<String, Object> document) throws InterruptedException {
        ServiceClient.Answer existing = reports.get(path);
        if (existing.ok()) {
            return;
        }
        if (existing.status() != 404) {
            existing.orThrow("reading " + path);
        }
        reports.put(path, document).orThrow("creating " + path);
        LOG.info("demo billing: created {}", path);
    }
}
