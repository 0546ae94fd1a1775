-- Support for the analysis layer (sql/analysis, rebuilt by `incident-etl migrate`):
-- the actor lexicon as reference data for dim_actor, and the data-quality count of each run.

-- The actor lexicon (config/lexicon/actors.yaml) as the last run loaded it: one row per actor.
create table actor_groups (
    canonical           text primary key,
    gtd_name            text,
    kind                text not null check (kind in ('group', 'state', 'other')),
    parent              text,
    countries           char(2)[] not null default '{}',
    aliases             text[] not null default '{}',
    loaded_run          bigint not null references etl_runs (run_id)
);

-- Failing rows over all data-quality checks (sql/analysis/040_quality.sql) after the run.
alter table etl_runs add column quality_failures integer check (quality_failures >= 0);

-- Which analysis layer the database holds (sql/analysis, checksum over its files).
create table analysis_layer (
    singleton           boolean primary key default true check (singleton),
    checksum            char(64) not null,
    applied_at          timestamptz not null default now()
);

-- Country names for dim_location (config/gazetteer/countries.tsv, loaded by every run).
create table countries (
    country             char(2) primary key,
    name                text not null
);
