-- The raw buffer of a metric in slices of a minute of measures instead of one row. A fold used to
-- rewrite the metric's whole buffer, up to an hour of raw points (57 kB at one measure a second),
-- for every measure it added: at 20,000 metrics folding once a second that was over 100 MB/s of
-- TOAST rewrites and dead tuples. Now a fold rewrites the slices its new measures fall in (one,
-- at most a minute of points, small enough to stay out of TOAST), and a slice whose newest point
-- left the back window is deleted whole; readers drop the points before the window.
CREATE TABLE metric_unaggregated_slice (
    metric_id      uuid   NOT NULL REFERENCES metric_unaggregated (metric_id) ON DELETE CASCADE,
    slice_start    bigint NOT NULL,
    last_timestamp bigint NOT NULL,
    points         bytea  NOT NULL,
    PRIMARY KEY (metric_id, slice_start)
) WITH (fillfactor = 70); -- room on the page for the next version of a slice: HOT updates, pruned in place

-- An existing buffer becomes one slice keyed before every real one: the slices rewritten later
-- hold its points again where they overlap, and the newest slice's value of a timestamp wins.
INSERT INTO metric_unaggregated_slice (metric_id, slice_start, last_timestamp, points)
SELECT metric_id, -9223372036854775808, last_timestamp, points
FROM metric_unaggregated WHERE last_timestamp IS NOT NULL;

ALTER TABLE metric_unaggregated DROP COLUMN points, DROP COLUMN last_timestamp;
