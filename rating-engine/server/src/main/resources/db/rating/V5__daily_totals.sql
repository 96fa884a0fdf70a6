-- Each project's quantity and price per rating type and UTC day, kept in the same transactions as
-- rating_dataframes: a month's summary over thousands of projects reads ~31 rows a project and
-- type instead of every rated point. A point counts on the day its period begins. project_id ''
-- stands for points without a project (a primary key cannot hold NULL).
CREATE TABLE rating_dataframes_daily (
    day        date         NOT NULL,
    project_id varchar(255) NOT NULL,
    type       varchar(255) NOT NULL,
    qty        numeric      NOT NULL,
    price      numeric      NOT NULL,
    points     bigint       NOT NULL,
    PRIMARY KEY (day, project_id, type)
);
CREATE INDEX rating_dataframes_daily_by_project ON rating_dataframes_daily (project_id, day);

INSERT INTO rating_dataframes_daily (day, project_id, type, qty, price, points)
SELECT (period_begin AT TIME ZONE 'UTC')::date, coalesce(project_id, ''), type, sum(qty), sum(price), count(*)
FROM rating_dataframes
GROUP BY 1, 2, 3;
