package io.meterflow.demo.pricing;

import io.meterflow.demo.scenario.DemoCatalog;
import io.meterflow.demo.scenario.DemoProject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who bills whom in the demo: one issuer (the operator) and three customers, one of which pays for
 * two projects, in three languages and tax situations, so the invoices show what the reports
 * service can do.
 */
public final class DemoBilling {

    public static final String ISSUER_ID = "meterflow-demo";

    /** A billing account: the reports API's customer document and the projects it pays for. */
    public record Account(String id, Map<String, Object> customer, String discountPercent, List<DemoProject> projects) {
        public Account {
            Objects.requireNonNull(id, "id");
            customer = Map.copyOf(customer);
            projects = List.copyOf(projects);
        }

        public Map<String, Object> document() {
            return Map.of(
                    "issuer_id",
                    ISSUER_ID,
                    "customer",
                    customer,
                    "discount_percent",
                    discountPercent,
                    "projects",
                    projects.stream().map(DemoProject::id).toList());
        }
    }

    private DemoBilling() {}

    public static Map<String, Object> issuer() {
        return Map.of(
                "party",
                Map.of(
                        "name", "Demo Cloud GmbH",
                        "tax_id", "DE123456789",
                        "email", "billing@demo-cloud.example",
                        "address", address("Wolkenweg 1", "10115", "Berlin", "DE")),
                "bank",
                Map.of("bank_name", "Example Bank", "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"),
                "number_pattern",
                "DEMO-{YYYY}{MM}-{SEQ:5}");
    }

    public static List<Account> accounts() {
        return List.of(
                new Account(
                        "demo-acme-holding",
                        customer(
                                "Acme Holding GmbH",
                                "DE811907980",
                                address("Hafenstraße 5", "20457", "Hamburg", "DE"),
                                "de",
                                Map.of("rate_percent", "19")),
                        "5",
                        List.of(DemoCatalog.ACME, DemoCatalog.INITECH)),
                new Account(
                        "demo-globex",
                        customer(
                                "Globex SAS",
                                "FR40303265045",
                                address("12 rue de la Paix", "75002", "Paris", "FR"),
                                "fr",
                                Map.of("reverse_charge", true)),
                        "0",
                        List.of(DemoCatalog.GLOBEX)),
                new Account(
                        "demo-umbrella-hooli",
                        customer(
                                "Umbrella & Hooli Ltd",
                                "IE6388047V",
                                address("1 Grand Canal Square", "D02 P820", "Dublin", "IE"),
                                "en",
                                Map.of("reverse_charge", true)),
                        "0",
                        List.of(DemoCatalog.UMBRELLA, DemoCatalog.HOOLI)));
    }

    private static Map<String, Object> customer(
            String name, String taxId, Map<String, Object> address, String language, Map<String, Object> tax) {
        return Map.of(
                "party",
                Map.of("name", name, "tax_id", taxId, "address", address),
                "currency",
                DemoPriceList.CURRENCY,
                "language",
                language,
                "tax",
                tax);
    }

    private static Map<String, Object> address(String line1, String postCode, String city, String country) {
        return Map.of("line1", line1, "post_code", postCode, "city", city, "country_code", country);
    }
}
