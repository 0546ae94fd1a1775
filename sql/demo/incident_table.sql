-- The incident table scripts/demo prints: one row per incident, dates at their precision.
select case i.date_precision
           when 'year' then to_char(i.date_start, 'YYYY')
           when 'month' then to_char(i.date_start, 'YYYY-MM')
           when 'week' then to_char(i.date_start, 'YYYY-MM-DD') || ' (week)'
           else coalesce(i.date_start::text, '')
       end as date,
       concat_ws(', ', i.city, nullif(i.admin1, i.city), i.country) as place,
       coalesce(i.attacker, 'Unknown') as attacker,
       coalesce(i.killed_best::text, '') as killed,
       coalesce(i.injured_best::text, '') as injured,
       coalesce(i.target_type, '') as target_type,
       i.source_count as sources
from incidents i
order by i.date_start nulls last, i.incident_id;
