-- Question: which outlets report most incidents, and how often are they the first to report one?
-- Columns: source, reports, incidents, first_to_report (incidents whose earliest report is
-- theirs, ties counted for each), median_days_after_event.
select r.source,
       count(*) as reports,
       count(distinct r.incident_id) as incidents,
       count(distinct r.incident_id) filter (where r.published_date = f.first_reported) as first_to_report,
       percentile_cont(0.5) within group (order by r.published_date - r.date_start) as median_days_after_event
from marts.fct_incident_reports r
join marts.fct_incidents f using (incident_id)
where r.source is not null
group by r.source
order by incidents desc, reports desc, r.source;
