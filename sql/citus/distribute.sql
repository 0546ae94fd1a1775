-- Distributes the schema of schema/*.sql over a Citus cluster (docs/scaling.md). Run once on the
-- coordinator after `incident-etl migrate` has created the tables and before any data is
-- loaded; then `incident-etl migrate --rebuild-analysis` recreates the analysis layer on top.
-- Written against the schema at migration 005 and Citus 12; it cannot be run on our machines
-- (no Docker daemon), so it is kept consistent with the schema by reading, not by a test.
--
--   articles, incident_reports   distributed by article_id, co-located: a batch writes each
--                                article with its reports on one shard.
--   incidents, report_links      distributed by incident_id, co-located: an incident and the
--                                links of its reports live together; the candidate lookup
--                                (country, date window) is one index scan per shard.
--   etl_runs, countries, actor_groups, dedup_overrides, rejected_inputs, schema_migrations,
--   analysis_layer               reference tables (small, read everywhere, joined locally).

begin;

-- The analysis layer (views and materialized views over these tables) is recreated afterwards.
drop schema if exists staging cascade;
drop schema if exists marts cascade;
drop schema if exists quality cascade;

-- Foreign keys between tables of different distribution cannot be kept by Citus. The ETL
-- writes a link only for a report it has just read in the same transaction, and the quality
-- view quality.reports_without_incident (rebuilt later) counts what these keys used to forbid.
alter table report_links drop constraint report_links_article_id_ordinal_fkey;

-- Unique keys must contain the distribution column. A report has one link: enforced by the ETL
-- (it rewrites all links of a report in one transaction) instead of by this key.
alter table report_links drop constraint report_links_pkey;
alter table report_links add primary key (incident_id, article_id, ordinal);
create index report_links_report_idx on report_links (article_id, ordinal);

-- Reference tables first: distributed tables keep their foreign keys to them.
select create_reference_table('etl_runs');
select create_reference_table('schema_migrations');
select create_reference_table('analysis_layer');
select create_reference_table('countries');
select create_reference_table('actor_groups');
select create_reference_table('dedup_overrides');
select create_reference_table('rejected_inputs');

select create_distributed_table('articles', 'article_id');
select create_distributed_table('incident_reports', 'article_id', colocate_with => 'articles');
select create_distributed_table('incidents', 'incident_id');
select create_distributed_table('report_links', 'incident_id', colocate_with => 'incidents');

commit;
