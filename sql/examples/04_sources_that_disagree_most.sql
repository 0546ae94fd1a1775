-- Question: on which incidents do the sources disagree most about the death toll?
-- Columns: incident_id, date_start, place, reports, killed_min, killed_max, killed_spread,
-- spread_ratio (max / min), distinct_dates (different dates reported).
select d.incident_id,
       f.date_start,
       concat_ws(', ', f.city, f.country_name) as place,
       d.reports,
       d.killed_min,
       d.killed_max,
       d.killed_spread,
       round(d.killed_max::numeric / nullif(d.killed_min, 0), 2) as spread_ratio,
       d.distinct_dates
from marts.agg_source_disagreement d
join marts.fct_incidents f using (incident_id)
where d.killed_spread is not null
order by d.killed_spread desc, d.incident_id
limit 10;
