package io.meterflow.timeseries.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationEvaluatorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Operation.Reference M0 = new Operation.Reference("m0", "mean");
    private static final Operation.Reference M1 = new Operation.Reference("m1", "mean");

    /** Two series on three timestamps; m0 misses the last one (NaN), as after a fill=null alignment. */
    private static Grid grid() {
        return new Grid(
                1.0, new long[] {0, SECOND, 2 * SECOND}, new double[][] {{43.1, 12, Double.NaN}, {3.1, 2, 5}}, false);
    }

    private static Grid evaluate(String operations) {
        return new OperationEvaluator(List.of(M0, M1))
                .evaluate(OperationParser.parse(new TextNode(operations)), grid());
    }

    @Test
    void aggregateMeanIgnoresMissingPointsLikeNanmean() {
        Grid result = evaluate("(aggregate mean (metric (m0 mean) (m1 mean)))");

        assertThat(result.aggregated()).isTrue();
        assertThat(result.columns()[0]).containsExactly(23.1, 7.0, 5.0);
    }

    @Test
    void aggregateCountAndSumOverColumns() {
        assertThat(evaluate("(aggregate count (metric (m0 mean) (m1 mean)))").columns()[0])
                .containsExactly(2.0, 2.0, 1.0);
        assertThat(evaluate("(aggregate sum (metric (m0 mean) (m1 mean)))").columns()[0])
                .containsExactly(46.2, 14.0, 5.0);
    }

    @Test
    void stdAcrossSeriesIsThePopulationStd() {
        // numpy.nanstd, ddof 0: |43.1 - 3.1| / 2 = 20
        assertThat(evaluate("(aggregate std (metric (m0 mean) (m1 mean)))").columns()[0][0])
                .isEqualTo(20.0);
    }

    @Test
    void rateAggregateDifferencesAlongTimeAndDropsTheFirstTimestamp() {
        Grid result = evaluate("(aggregate rate:mean (metric (m0 mean) (m1 mean)))");

        assertThat(result.times()).containsExactly(SECOND, 2 * SECOND);
        assertThat(result.columns()[0]).containsExactly(7.0 - 23.1, 5.0 - 7.0);
    }

    @Test
    void metricSelectionKeepsOnlyTheNamedColumns() {
        Grid result = evaluate("(metric m1 mean)");

        assertThat(result.width()).isEqualTo(1);
        assertThat(result.columns()[0]).containsExactly(3.1, 2.0, 5.0);
        assertThat(result.aggregated()).isFalse();
    }

    @Test
    void arithmeticWithConstantsAppliesToEveryValue() {
        assertThat(evaluate("(* -1 (metric m1 mean))").columns()[0]).containsExactly(-3.1, -2.0, -5.0);
        assertThat(evaluate("(abs (neg (metric m1 mean)))").columns()[0]).containsExactly(3.1, 2.0, 5.0);
    }

    @Test
    void seriesMinusSeriesIsAggregatedElementWise() {
        Grid result = evaluate("(- (metric m0 mean) (metric m1 mean))");

        assertThat(result.aggregated()).isTrue();
        assertThat(result.columns()[0][0]).isEqualTo(40.0);
        assertThat(result.columns()[0][1]).isEqualTo(10.0);
        assertThat(result.columns()[0][2]).isNaN();
    }

    @Test
    void rollingSumOverTwoPointsShortensTheSeries() {
        Grid result = evaluate("(rolling sum 2 (metric m1 mean))");

        assertThat(result.times()).containsExactly(SECOND, 2 * SECOND);
        assertThat(result.columns()[0]).containsExactly(5.1, 7.0);
    }

    @Test
    void rollingWindowLongerThanTheSeriesIsUnaggregable() {
        assertThatThrownBy(() -> evaluate("(rolling mean 4 (metric m1 mean))"))
                .hasMessageContaining("Rolling window '4' is greater than serie length '3'");
    }

    @Test
    void clipBoundsValuesOnBothSides() {
        assertThat(evaluate("(clip (metric m1 mean) 2.5 4)").columns()[0]).containsExactly(3.1, 2.5, 4.0);
    }

    @Test
    void rateofchangeDifferencesEachSeries() {
        Grid result = evaluate("(rateofchange (metric m1 mean))");

        assertThat(result.times()).containsExactly(SECOND, 2 * SECOND);
        assertThat(result.columns()[0][0]).isCloseTo(-1.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.columns()[0][1]).isEqualTo(3.0);
    }
}
