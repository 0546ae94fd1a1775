-- Question: which reports came a week or more after the event (follow-ups, revised tolls), and
-- what did they say compared with the incident's best estimate?
-- Columns: incident_id, date_start, source, published_date, days_after, killed (this report),
-- killed_best (the incident's).
select r.incident_id,
       f.date_start,
       r.source,
       r.published_date,
       r.published_date - f.date_start as days_after,
       r.killed,
       f.killed_best
from marts.fct_incident_reports r
join marts.fct_incidents f using (incident_id)
where r.published_date - f.date_start >= 7
order by days_after desc, r.report_id;
