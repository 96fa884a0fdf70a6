package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitPacerTest {

    private final CommitPacer pacer = new CommitPacer(2_000);

    @Test
    void caughtUpWhenEveryActivePartitionFoldsRecentRecords() {
        pacer.processed(0, 10_000, 10_100);
        pacer.processed(1, 9_500, 10_200);

        assertThat(pacer.caughtUp(10_300)).isTrue();
    }

    @Test
    void oneActivePartitionBehindHoldsTheCommitBack() {
        pacer.processed(0, 10_000, 10_100);
        pacer.processed(1, 5_000, 10_200); // folding records written five seconds ago

        assertThat(pacer.caughtUp(10_300)).isFalse();
    }

    @Test
    void anIdleOrRevokedPartitionDoesNotHoldTheOthersBack() {
        pacer.processed(1, 1_000, 1_100); // last record long ago, nothing since
        pacer.processed(0, 10_000, 10_100);

        assertThat(pacer.caughtUp(10_300)).isTrue();
    }

    @Test
    void aPartitionCatchesUpAsItReachesRecentRecords() {
        pacer.processed(0, 5_000, 10_000);
        assertThat(pacer.caughtUp(10_100)).isFalse();

        pacer.processed(0, 9_900, 10_200);
        assertThat(pacer.caughtUp(10_300)).isTrue();
    }
}
