-- Dashboard aggregates over marts.fct_incidents / fct_incident_reports, refreshed after them.

-- Grain: month x country.
create materialized view marts.agg_incidents_by_month_country as
select month_start, country, country_name,
       count(*) as incidents,
       coalesce(sum(killed_best), 0) as killed,
       coalesce(sum(injured_best), 0) as injured,
       count(*) filter (where claimed) as claimed_incidents
from marts.fct_incidents
where month_start is not null
group by month_start, country, country_name;
create unique index agg_month_country_pk on marts.agg_incidents_by_month_country (month_start, country);
create index agg_month_country_country_idx on marts.agg_incidents_by_month_country (country, month_start);

-- Grain: month x perpetrator group (branches rolled up to their top group).
create materialized view marts.agg_incidents_by_month_group as
select month_start, top_group,
       count(*) as incidents,
       coalesce(sum(killed_best), 0) as killed,
       coalesce(sum(injured_best), 0) as injured
from marts.fct_incidents
where month_start is not null
group by month_start, top_group;
create unique index agg_month_group_pk on marts.agg_incidents_by_month_group (month_start, top_group);
create index agg_month_group_group_idx on marts.agg_incidents_by_month_group (top_group, month_start);

-- Grain: target type (all time), ranked.
create materialized view marts.agg_target_types as
select target_type,
       count(*) as incidents,
       coalesce(sum(killed_best), 0) as killed,
       rank() over (order by count(*) desc) as rank_by_incidents
from marts.fct_incidents
group by target_type;
create unique index agg_target_types_pk on marts.agg_target_types (target_type);

-- Grain: one row per incident with at least two reports: how far its sources disagree.
create materialized view marts.agg_source_disagreement as
select r.incident_id,
       count(*) as reports,
       count(distinct r.source) as sources,
       min(r.killed) as killed_min,
       max(r.killed) as killed_max,
       max(r.killed) - min(r.killed) as killed_spread,
       min(r.injured) as injured_min,
       max(r.injured) as injured_max,
       max(r.injured) - min(r.injured) as injured_spread,
       count(distinct r.date_start) as distinct_dates,
       count(distinct r.location_key) as distinct_places
from marts.fct_incident_reports r
where r.incident_id is not null
group by r.incident_id
having count(*) >= 2;
create unique index agg_source_disagreement_pk on marts.agg_source_disagreement (incident_id);
create index agg_source_disagreement_spread_idx on marts.agg_source_disagreement (killed_spread desc nulls last);
