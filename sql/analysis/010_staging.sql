-- Staging: one view per raw table, renamed and typed for analysis, nothing filtered or joined
-- beyond what names a row. Marts read only these.
create schema staging;

create view staging.stg_articles as
select a.article_id,
       a.source,
       a.url,
       a.published as published_date,
       a.title,
       length(a.body) as body_chars,
       a.first_seen_run,
       a.last_changed_run
from public.articles a;

create view staging.stg_incident_reports as
select r.article_id,
       r.ordinal,
       r.article_id || '#' || r.ordinal as report_id,
       l.incident_id,
       r.date_start,
       r.date_end,
       r.date_precision::text as date_precision,
       r.country,
       r.admin1,
       r.city,
       r.latitude::double precision as latitude,
       r.longitude::double precision as longitude,
       r.geo_precision::text as geo_precision,
       r.attacker,
       r.attacker_status::text as attacker_status,
       r.attack_type,
       r.target_type,
       r.killed::integer as killed,
       r.killed_qualifier::text as killed_qualifier,
       r.killed_text,
       r.injured::integer as injured,
       r.injured_qualifier::text as injured_qualifier,
       r.injured_text,
       r.kidnapped::integer as kidnapped,
       r.perpetrators_killed::integer as perpetrators_killed,
       r.evidence,
       l.score as join_score,
       r.extracted_run
from public.incident_reports r
left join public.report_links l using (article_id, ordinal);

create view staging.stg_incidents as
select i.incident_id,
       i.date_start,
       i.date_end,
       i.date_precision::text as date_precision,
       i.country,
       i.admin1,
       i.city,
       i.latitude::double precision as latitude,
       i.longitude::double precision as longitude,
       i.geo_precision::text as geo_precision,
       i.attacker,
       i.attacker_status::text as attacker_status,
       i.attack_type,
       i.target_type,
       i.killed_low::integer as killed_low,
       i.killed_best::integer as killed_best,
       i.killed_high::integer as killed_high,
       i.injured_low::integer as injured_low,
       i.injured_best::integer as injured_best,
       i.injured_high::integer as injured_high,
       i.source_count,
       i.first_reported,
       i.last_reported,
       i.created_run,
       i.updated_run
from public.incidents i;

create view staging.stg_runs as
select run_id, started_at, finished_at, status, inputs, articles_read, articles_new, articles_changed,
       articles_unchanged, articles_rejected, reports_extracted, incidents_created, incidents_updated,
       incidents_deleted, quality_failures, program_version
from public.etl_runs;

create view staging.stg_actor_groups as
select canonical, gtd_name, kind, parent, countries, aliases
from public.actor_groups;
