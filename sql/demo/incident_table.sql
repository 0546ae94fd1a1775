-- The incident table scripts/demo prints, from the analysis layer's mart (docs/analysis.md):
-- one row per incident, dates at their precision.
select case f.date_precision
           when 'year' then to_char(f.date_start, 'YYYY')
           when 'month' then to_char(f.date_start, 'YYYY-MM')
           when 'week' then to_char(f.date_start, 'YYYY-MM-DD') || ' (week)'
           else coalesce(f.date_start::text, '')
       end as date,
       concat_ws(', ', f.city, nullif(f.admin1, f.city), f.country_name) as place,
       f.attacker,
       coalesce(f.killed_best::text, '') as killed,
       coalesce(f.injured_best::text, '') as injured,
       f.target_type,
       f.source_count as sources
from marts.fct_incidents f
order by f.date_start nulls last, f.incident_id;
