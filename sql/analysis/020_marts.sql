-- Marts: what analysts and BI tools query. Each states its grain. Materialized (refreshed at the
-- end of every run, concurrently, so a dashboard always sees a complete state) where a query
-- would otherwise join or scan the raw tables.
create schema marts;

-- Grain: one row per calendar day from the earliest to the latest incident or publication date.
create materialized view marts.dim_date as
with bounds as (
    select least(coalesce((select min(date_start) from public.incidents), current_date),
                 coalesce((select min(published) from public.articles), current_date)) as first_day,
           greatest(coalesce((select max(date_end) from public.incidents), current_date),
                    coalesce((select max(published) from public.articles), current_date)) as last_day
)
select d::date as date,
       extract(year from d)::integer as year,
       extract(quarter from d)::integer as quarter,
       extract(month from d)::integer as month,
       date_trunc('month', d)::date as month_start,
       to_char(d, 'YYYY-MM') as year_month,
       extract(isoyear from d)::integer as iso_year,
       extract(week from d)::integer as iso_week,
       date_trunc('week', d)::date as week_start,
       extract(isodow from d)::integer as iso_weekday,
       trim(to_char(d, 'Day')) as weekday_name
from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') as d;
create unique index dim_date_pk on marts.dim_date (date);

-- Grain: one row per distinct place (country, admin1, city) of an incident or a report.
create materialized view marts.dim_location as
with places as (
    select country, admin1, city, latitude, longitude, geo_precision from staging.stg_incidents
    union all
    select country, admin1, city, latitude, longitude, geo_precision from staging.stg_incident_reports
)
select md5(concat_ws('|', p.country, p.admin1, p.city)) as location_key,
       p.country,
       c.name as country_name,
       p.admin1,
       p.city,
       avg(p.latitude) as latitude,
       avg(p.longitude) as longitude,
       case when p.city is not null then 'city' when p.admin1 is not null then 'admin1'
            when p.country is not null then 'country' else 'none' end as geo_precision,
       count(*) as mentions
from places p
left join public.countries c on c.country = p.country
group by p.country, c.name, p.admin1, p.city;
create unique index dim_location_pk on marts.dim_location (location_key);
create index dim_location_country_idx on marts.dim_location (country);

-- Grain: one row per perpetrator of the actor lexicon, plus names incidents carry that the
-- lexicon lacks (lone attackers named in the text), plus 'Unknown'.
create materialized view marts.dim_actor as
with named as (
    select a.canonical as actor, a.gtd_name, a.kind, a.parent, a.countries, a.aliases, true as in_lexicon
    from staging.stg_actor_groups a
    union all
    select distinct i.attacker, null, 'individual', null, '{}'::char(2)[], '{}'::text[], false
    from staging.stg_incidents i
    where i.attacker is not null
      and not exists (select 1 from staging.stg_actor_groups a where a.canonical = i.attacker)
    union all
    select 'Unknown', null, 'unknown', null, '{}'::char(2)[], '{}'::text[], false
)
select md5(n.actor) as actor_key,
       n.actor,
       n.gtd_name,
       n.kind,
       n.parent,
       coalesce(n.parent, n.actor) as top_group,
       n.countries,
       n.aliases,
       n.in_lexicon
from named n;
create unique index dim_actor_pk on marts.dim_actor (actor_key);
create unique index dim_actor_name_idx on marts.dim_actor (actor);

-- Grain: one row per incident, every canonical value, its sources and keys to the dimensions.
create materialized view marts.fct_incidents as
select i.incident_id,
       i.date_start,
       i.date_end,
       i.date_precision,
       date_trunc('month', i.date_start)::date as month_start,
       extract(year from i.date_start)::integer as year,
       i.country,
       c.name as country_name,
       i.admin1,
       i.city,
       i.latitude,
       i.longitude,
       i.geo_precision,
       md5(concat_ws('|', i.country, i.admin1, i.city)) as location_key,
       coalesce(i.attacker, 'Unknown') as attacker,
       md5(coalesce(i.attacker, 'Unknown')) as actor_key,
       coalesce(a.parent, i.attacker, 'Unknown') as top_group,
       i.attacker_status,
       i.attacker_status = 'claimed' as claimed,
       coalesce(i.attack_type, 'Unknown') as attack_type,
       coalesce(i.target_type, 'Unknown') as target_type,
       i.killed_low,
       i.killed_best,
       i.killed_high,
       i.injured_low,
       i.injured_best,
       i.injured_high,
       i.source_count,
       i.first_reported,
       i.last_reported,
       i.last_reported - i.first_reported as days_reported
from staging.stg_incidents i
left join public.countries c on c.country = i.country
left join staging.stg_actor_groups a on a.canonical = i.attacker;
create unique index fct_incidents_pk on marts.fct_incidents (incident_id);
create index fct_incidents_month_country_idx on marts.fct_incidents (month_start, country);
create index fct_incidents_country_date_idx on marts.fct_incidents (country, date_start);
create index fct_incidents_attacker_idx on marts.fct_incidents (attacker, date_start);
create index fct_incidents_location_idx on marts.fct_incidents (location_key, date_start);
create index fct_incidents_country_killed_idx on marts.fct_incidents (country, killed_best desc nulls last);

-- Grain: one row per incident report (what one article said about one incident), with its source.
create materialized view marts.fct_incident_reports as
select r.report_id,
       r.incident_id,
       r.article_id,
       r.ordinal,
       art.source,
       art.url,
       art.published_date,
       r.date_start,
       r.date_end,
       r.date_precision,
       r.country,
       r.admin1,
       r.city,
       r.latitude,
       r.longitude,
       md5(concat_ws('|', r.country, r.admin1, r.city)) as location_key,
       coalesce(r.attacker, 'Unknown') as attacker,
       r.attacker_status,
       coalesce(r.attack_type, 'Unknown') as attack_type,
       coalesce(r.target_type, 'Unknown') as target_type,
       r.killed,
       r.killed_qualifier,
       r.killed_text,
       r.injured,
       r.injured_qualifier,
       r.injured_text,
       r.kidnapped,
       r.perpetrators_killed,
       r.join_score,
       r.evidence
from staging.stg_incident_reports r
join staging.stg_articles art using (article_id);
create unique index fct_incident_reports_pk on marts.fct_incident_reports (report_id);
create index fct_incident_reports_incident_idx on marts.fct_incident_reports (incident_id);
create index fct_incident_reports_source_idx on marts.fct_incident_reports (source);
