package io.meterflow.rating.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.plan.Charge;
import io.meterflow.rating.plan.Money;
import io.meterflow.rating.plan.Plan;
import io.meterflow.rating.plan.PriceModel;
import io.meterflow.rating.plan.Rounding;
import io.meterflow.rating.plan.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A plan as the API takes and shows it. Reading checks everything and names every wrong field at
 * once ({@code charges[1].tiers[0].up_to: ...}), so a plan is stored whole or not at all.
 *
 * <pre>{"code": "standard", "currency": "EUR", "minimum_commitment": "100",
 *  "rounding": {"scale": 2, "mode": "HALF_UP"},
 *  "charges": [{"rating_type": "instance", "model": "graduated", "free_units": "10", "discount_percent": "5",
 *               "tiers": [{"up_to": "100", "unit_price": "0.05", "flat_fee": "0"}, {"unit_price": "0.04"}]},
 *              {"rating_type": "volume", "model": "per_unit", "unit_price": "0.0001"},
 *              {"rating_type": "image", "model": "package", "size": "1024", "package_price": "0.5",
 *               "count": "up"}]}</pre>
 */
final class PlanJson {

    static final Set<String> MODELS = Set.of("per_unit", "graduated", "volume", "package");

    private final List<String> problems = new ArrayList<>();

    private PlanJson() {}

    /** @throws InvalidPlanException naming every problem */
    static Plan read(JsonNode body) {
        PlanJson reader = new PlanJson();
        Plan plan = reader.plan(body);
        if (!reader.problems.isEmpty()) {
            throw new InvalidPlanException(String.join("; ", reader.problems));
        }
        return plan;
    }

    private Plan plan(JsonNode body) {
        if (body == null || !body.isObject()) {
            problems.add("the body must be a JSON object");
            return null;
        }
        String code = text(body, "code", "code");
        Currency currency = currency(body.get("currency"));
        Optional<BigDecimal> minimum = optionalDecimal(body, "minimum_commitment", "minimum_commitment", false);
        Rounding rounding = rounding(body.get("rounding"));
        List<Charge> charges = new ArrayList<>();
        JsonNode list = body.get("charges");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("charges: a non-empty list of charges is required");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Charge charge = charge(list.get(i), "charges[" + i + "]");
                if (charge != null) {
                    charges.add(charge);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Plan(code, currency, charges, minimum.map(m -> new Money(m, currency)), rounding);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private Charge charge(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        String type = text(node, "rating_type", path + ".rating_type");
        String model = text(node, "model", path + ".model");
        BigDecimal free =
                optionalDecimal(node, "free_units", path + ".free_units", false).orElse(BigDecimal.ZERO);
        BigDecimal discount = optionalDecimal(node, "discount_percent", path + ".discount_percent", false)
                .orElse(BigDecimal.ZERO);
        PriceModel priceModel = null;
        if (model != null) {
            priceModel = switch (model) {
                case "per_unit" -> unitPrice(node, path).orElse(null);
                case "graduated" -> {
                    List<Tier> tiers = tiers(node, path);
                    yield tiers == null ? null : guarded(path, () -> new PriceModel.Graduated(tiers));
                }
                case "volume" -> {
                    List<Tier> tiers = tiers(node, path);
                    yield tiers == null ? null : guarded(path, () -> new PriceModel.Volume(tiers));
                }
                case "package" -> packagePrice(node, path);
                default -> {
                    problems.add(path + ".model: must be one of per_unit, graduated, volume, package, not " + model);
                    yield null;
                }
            };
        }
        if (problems.size() > before || priceModel == null) {
            return null;
        }
        PriceModel checkedModel = priceModel;
        return guarded(path, () -> new Charge(type, checkedModel, free, discount));
    }

    private Optional<PriceModel.PerUnit> unitPrice(JsonNode node, String path) {
        return optionalDecimal(node, "unit_price", path + ".unit_price", true).map(PriceModel.PerUnit::new);
    }

    private PriceModel packagePrice(JsonNode node, String path) {
        Optional<BigDecimal> size = optionalDecimal(node, "size", path + ".size", true);
        Optional<BigDecimal> price = optionalDecimal(node, "package_price", path + ".package_price", true);
        String count = node.path("count").asText("up");
        if (!count.equals("up") && !count.equals("down")) {
            problems.add(path + ".count: must be up (a started package is paid) or down, not " + count);
            return null;
        }
        if (size.isEmpty() || price.isEmpty()) {
            return null;
        }
        return guarded(
                path,
                () -> new PriceModel.Package(
                        size.get(), price.get(), count.equals("up") ? RoundingMode.UP : RoundingMode.DOWN));
    }

    private List<Tier> tiers(JsonNode node, String path) {
        JsonNode list = node.get("tiers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(path + ".tiers: a non-empty list of tiers is required, the last without up_to");
            return null;
        }
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String tierPath = path + ".tiers[" + i + "]";
            JsonNode tier = list.get(i);
            Optional<BigDecimal> upTo = optionalDecimal(tier, "up_to", tierPath + ".up_to", false);
            Optional<BigDecimal> unitPrice = optionalDecimal(tier, "unit_price", tierPath + ".unit_price", true);
            BigDecimal flatFee = optionalDecimal(tier, "flat_fee", tierPath + ".flat_fee", false)
                    .orElse(BigDecimal.ZERO);
            if (unitPrice.isPresent()) {
                Tier checked = guarded(tierPath, () -> new Tier(upTo, unitPrice.get(), flatFee));
                if (checked != null) {
                    tiers.add(checked);
                }
            }
        }
        return tiers.size() == list.size() ? tiers : null;
    }

    private Rounding rounding(JsonNode node) {
        if (node == null || node.isNull()) {
            return Rounding.CURRENCY_HALF_UP;
        }
        OptionalInt scale = OptionalInt.empty();
        JsonNode scaleNode = node.get("scale");
        if (scaleNode != null && !scaleNode.isNull()) {
            if (!scaleNode.canConvertToInt()
                    || !scaleNode.isIntegralNumber()
                    || scaleNode.intValue() < 0
                    || scaleNode.intValue() > 12) {
                problems.add("rounding.scale: must be an integer from 0 to 12");
            } else {
                scale = OptionalInt.of(scaleNode.intValue());
            }
        }
        String mode = node.path("mode").asText("HALF_UP").toUpperCase(Locale.ROOT);
        try {
            return new Rounding(scale, RoundingMode.valueOf(mode));
        } catch (IllegalArgumentException e) {
            problems.add("rounding.mode: must be one of HALF_UP, HALF_EVEN, HALF_DOWN, UP, DOWN, CEILING, FLOOR,"
                    + " not " + mode);
            return Rounding.CURRENCY_HALF_UP;
        }
    }

    private Currency currency(JsonNode node) {
        if (node == null || !node.isTextual()) {
            problems.add("currency: an ISO 4217 code such as EUR is required");
            return null;
        }
        try {
            return Currency.getInstance(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add("currency: " + node.asText() + " is not an ISO 4217 currency code");
            return null;
        }
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(path + ": a non-empty string is required");
            return null;
        }
        return value.asText();
    }

    /** A decimal given as a JSON string or number; numbers are read from their text, never through a double. */
    private Optional<BigDecimal> optionalDecimal(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + ": a decimal is required");
            }
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            problems.add(path + ": must be a decimal, as a string (\"0.05\") or a number");
            return Optional.empty();
        }
        try {
            return Optional.of(
                    value.isNumber()
                            ? value.decimalValue()
                            : new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException e) {
            problems.add(path + ": " + value.asText() + " is not a decimal");
            return Optional.empty();
        }
    }

    private <T> T guarded(String path, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    /** The plan as the API shows it: what was given, in the same shape. */
    static ObjectNode view(JsonNode stored, String createdAt) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.setAll((ObjectNode) stored);
        view.put("created_at", createdAt);
        return view;
    }
}
