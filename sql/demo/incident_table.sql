-- The incident table scripts/demo prints: one row per incident.
select coalesce(i.date_start::text, '?') ||
           case i.date_precision when 'month' then ' (month)' when 'year' then ' (year)'
                                 when 'week' then ' (week)' else '' end as date,
       concat_ws(', ', i.city, nullif(i.admin1, i.city), i.country) as place,
       coalesce(i.attacker, 'Unknown') as attacker,
       coalesce(i.killed_best::text, '') as killed,
       coalesce(i.injured_best::text, '') as injured,
       coalesce(i.target_type, '') as target_type,
       i.source_count as sources
from incidents i
order by i.date_start nulls last, i.incident_id;
