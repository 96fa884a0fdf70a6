package io.meterflow.reports.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.keystone.TokenIdentity;
import io.meterflow.policy.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsPoliciesTest {

    private final Policy policy = Policy.of(ReportsPolicies.defaults());

    @Test
    void everyRuleTheApiAsksForHasADefaultInTheSampleFile() {
        List<String> asked = List.of(
                ReportsPolicies.INVOICE_READ,
                ReportsPolicies.INVOICE_MANAGE,
                ReportsPolicies.ACCOUNT_READ,
                ReportsPolicies.ACCOUNT_MANAGE,
                ReportsPolicies.ISSUER_MANAGE,
                ReportsPolicies.AUDIT_READ,
                ReportsPolicies.CAPACITY_EXPORT);
        assertThat(policy.defaultNames()).containsAll(asked);
        for (String rule : asked) {
            assertThat(policy.sampleFile()).contains("#\"" + rule + "\": ");
        }
    }

    @Test
    void financeInADomainScopedTokenIsFinanceButNoAdmin() {
        Caller finance = Caller.of(new TokenIdentity(
                "u1", "fiona", null, "default", List.of("finance"), true, Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(finance.projectId()).isNull();
        assertThat(allows(ReportsPolicies.INVOICE_MANAGE, finance)).isTrue();
        assertThat(allows(ReportsPolicies.ACCOUNT_READ, finance)).isTrue();
        assertThat(allows(ReportsPolicies.ISSUER_MANAGE, finance)).isFalse();
        assertThat(allows(ReportsPolicies.CAPACITY_EXPORT, finance)).isFalse();
    }

    @Test
    void aProjectsMemberReadsItsOwnProjectsInvoicesOnly() {
        Caller member = Caller.of(new TokenIdentity(
                "u2",
                "ann",
                "p-a",
                "default",
                List.of("member", "reader"),
                true,
                Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(policy.allows(ReportsPolicies.INVOICE_READ, Map.of("project_id", "p-a"), member.credentials()))
                .isTrue();
        assertThat(policy.allows(ReportsPolicies.INVOICE_READ, Map.of("project_id", "p-b"), member.credentials()))
                .isFalse();
        assertThat(allows(ReportsPolicies.INVOICE_MANAGE, member)).isFalse();
        assertThat(allows(ReportsPolicies.ACCOUNT_READ, member)).isFalse();
    }

    private boolean allows(String rule, Caller caller) {
        return new Guard(policy).allows(rule, caller, null);
    }
}
