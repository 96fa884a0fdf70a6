-- A fold rewrites the newest split of every aggregate it touches: at one measure a second per
-- metric and twelve aggregates a metric, most of the aggregator's writes are updates of small
-- split rows. With the default fillfactor (100) a new version rarely fits on its page, so only 8%
-- of them were HOT: every other update inserted into the primary key index and left a dead tuple
-- that only VACUUM reclaims (soak, 3 minutes: 240,000 live splits, 4.8 million dead, 538 MB). With
-- room on the page the update is HOT and the old version is pruned in place by the next reader.
-- Applies to pages written from now on; VACUUM FULL or a dump and restore rewrites the old ones.
ALTER TABLE aggregate_split SET (fillfactor = 70);
