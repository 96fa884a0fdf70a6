-- Run once by the TimescaleDB image on an empty data directory (docker-entrypoint-initdb.d), as the
-- superuser POSTGRES_USER: one database per service, as each service keeps its own schema history.
CREATE DATABASE meterflow_timeseries;
CREATE DATABASE meterflow_rating;
CREATE DATABASE meterflow_reports;

-- The time-series API turns its split table into a hypertable where TimescaleDB is enabled
-- (TimescaleHypertables); enabling it here lets the service run as a role that may not create it.
\connect meterflow_timeseries
CREATE EXTENSION IF NOT EXISTS timescaledb;
