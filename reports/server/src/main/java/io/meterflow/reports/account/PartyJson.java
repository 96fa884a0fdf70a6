package io.meterflow.reports.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.BankAccount;
import io.meterflow.reports.invoice.Customer;
import io.meterflow.reports.invoice.Issuer;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.TaxTreatment;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Issuers, customers and their parties as the API and the stored snapshots write them. Reading
 * refuses a wrong field with its path ({@code customer.address.country_code: ...}).
 */
public final class PartyJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PartyJson() {}

    public static ObjectNode party(Party party) {
        ObjectNode node = NODES.objectNode();
        node.put("name", party.name());
        Address a = party.address();
        node.putObject("address")
                .put("line1", a.line1())
                .put("line2", a.line2())
                .put("post_code", a.postCode())
                .put("city", a.city())
                .put("country_code", a.countryCode());
        node.put("tax_id", party.taxId());
        node.put("email", party.email());
        return node;
    }

    public static Party party(JsonNode node, String path) {
        JsonNode address = required(node, "address", path);
        String country = text(address, "country_code", path + ".address", true);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException(
                    path + ".address.country_code: " + country + " is not an ISO 3166-1 alpha-2 code such as DE");
        }
        return build(
                path,
                () -> new Party(
                        text(node, "name", path, true),
                        new Address(
                                text(address, "line1", path + ".address", false),
                                text(address, "line2", path + ".address", false),
                                text(address, "post_code", path + ".address", false),
                                text(address, "city", path + ".address", false),
                                text(address, "country_code", path + ".address", true)),
                        text(node, "tax_id", path, false),
                        text(node, "email", path, false)));
    }

    public static ObjectNode issuer(Issuer issuer) {
        ObjectNode node = NODES.objectNode();
        node.put("id", issuer.id());
        node.set("party", party(issuer.party()));
        node.putObject("bank")
                .put("bank_name", issuer.bank().bankName())
                .put("iban", issuer.bank().iban())
                .put("bic", issuer.bank().bic());
        node.put("logo", issuer.logo());
        return node;
    }

    public static Issuer issuer(JsonNode node, String id) {
        Party party = party(required(node, "party", "issuer"), "party");
        JsonNode bank = required(node, "bank", "issuer");
        return build(
                "issuer",
                () -> new Issuer(
                        id,
                        party,
                        new BankAccount(
                                text(bank, "bank_name", "bank", false),
                                text(bank, "iban", "bank", true),
                                text(bank, "bic", "bank", false)),
                        text(node, "logo", "issuer", false)));
    }

    public static ObjectNode customer(Customer customer) {
        ObjectNode node = NODES.objectNode();
        node.set("party", party(customer.party()));
        node.put("currency", customer.currency().getCurrencyCode());
        node.put("language", customer.language().toLanguageTag());
        ObjectNode tax = node.putObject("tax");
        if (customer.tax() instanceof TaxTreatment.ReverseCharge) {
            tax.put("reverse_charge", true);
        } else {
            tax.put("rate_percent", customer.tax().ratePercent().toPlainString());
        }
        return node;
    }

    public static Customer customer(JsonNode node, String path) {
        Party party = party(required(node, "party", path), path + ".party");
        String code = text(node, "currency", path, true);
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path + ".currency: " + code + " is not an ISO 4217 code");
        }
        Locale language;
        try {
            language = new Locale.Builder()
                    .setLanguageTag(
                            text(node, "language", path, false).isEmpty() ? "en" : text(node, "language", path, false))
                    .build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException(path + ".language: not a language tag such as en, de or fr");
        }
        JsonNode tax = node.path("tax");
        TaxTreatment treatment;
        if (tax.path("reverse_charge").asBoolean(false)) {
            treatment = new TaxTreatment.ReverseCharge();
        } else {
            String rate = tax.path("rate_percent").asText("0");
            treatment = build(path + ".tax.rate_percent", () -> new TaxTreatment.Standard(new BigDecimal(rate)));
        }
        return new Customer(party, currency, language, treatment);
    }

    static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidInputException(path + "." + field + ": an object is required");
        }
        return value;
    }

    static String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new InvalidInputException(path + "." + field + ": required");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(path + "." + field + ": a string is required");
        }
        return value.asText().trim();
    }

    private static <T> T build(String path, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path + ": " + e.getMessage());
        }
    }
}
