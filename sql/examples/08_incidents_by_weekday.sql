-- Question: on which weekdays do attacks happen? Only incidents dated to the day count.
-- Columns: iso_weekday (1 = Monday), weekday_name, incidents, killed.
select d.iso_weekday,
       d.weekday_name,
       count(f.incident_id) as incidents,
       coalesce(sum(f.killed_best), 0) as killed
from marts.dim_date d
join marts.fct_incidents f on f.date_start = d.date and f.date_precision = 'day'
group by d.iso_weekday, d.weekday_name
order by d.iso_weekday;
