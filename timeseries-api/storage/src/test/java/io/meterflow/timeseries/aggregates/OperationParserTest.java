package io.meterflow.timeseries.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.timeseries.aggregation.Resampling;
import io.meterflow.timeseries.failure.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesAggregateOverMetricPairs() {
        Operation operation = OperationParser.parse(new TextNode("(aggregate mean (metric (m1 mean) (m2 max)))"));

        assertThat(operation)
                .isEqualTo(new Operation.Aggregate(
                        "mean",
                        new Operation.Metrics(
                                List.of(new Operation.Reference("m1", "mean"), new Operation.Reference("m2", "max")))));
    }

    @Test
    void parsesSingleMetricFormArithmeticAndResample() {
        Operation operation = OperationParser.parse(new TextNode("(* -1 (resample max 60 (metric m1 mean)))"));

        assertThat(operation)
                .isEqualTo(new Operation.Binary(
                        "*",
                        new Operation.Constant(-1),
                        new Operation.Resample(
                                "max",
                                new Resampling.Fixed(60_000_000_000L),
                                new Operation.Metrics(List.of(new Operation.Reference("m1", "mean"))))));
    }

    @Test
    void parsesTheJsonListForm() throws Exception {
        Operation operation =
                OperationParser.parse(JSON.readTree("[\"rolling\", \"sum\", 2, [\"metric\", [\"m1\", \"mean\"]]]"));

        assertThat(operation)
                .isEqualTo(new Operation.Rolling(
                        "sum", 2, new Operation.Metrics(List.of(new Operation.Reference("m1", "mean")))));
    }

    @Test
    void rejectsUnbalancedParenthesesWithGnocchisParseError() {
        assertThatThrownBy(() -> OperationParser.parse(new TextNode("(metric")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e)
                                .structured()
                                .orElseThrow()
                                .toString())
                        .contains("Invalid operations", "Fail to parse the operations string"));
    }

    @Test
    void rejectsUnknownOperatorsAndMethods() {
        assertThatThrownBy(() -> OperationParser.parse(new TextNode("(wtf (metric m1 mean))")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OperationParser.parse(new TextNode("(aggregate wtf (metric m1 mean))")))
                .isInstanceOf(InvalidInputException.class);
    }
}
