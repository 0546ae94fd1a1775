-- Question: what were the deadliest incidents of each perpetrator group in a given year?
-- Parameters: year (the params line). Branches count under their top group ("ISKP" under
-- "Islamic State"); incidents without a named perpetrator are the group "Unknown".
-- Columns: top_group, rank (1 = deadliest), incident_id, date_start, place, killed_best, sources.
with params as (select 2017 as year),
ranked as (
    select f.top_group,
           row_number() over (partition by f.top_group order by f.killed_best desc nulls last, f.incident_id) as rank,
           f.incident_id,
           f.date_start,
           concat_ws(', ', f.city, f.admin1, f.country_name) as place,
           f.killed_best,
           f.source_count as sources
    from marts.fct_incidents f
    join params p on f.year = p.year
)
select * from ranked
where rank <= 3
order by top_group, rank;
