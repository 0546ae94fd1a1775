-- Data-quality assertions: each view returns the rows that break its rule (none when the data is
-- sound). `incident-etl run` counts them after every run (etl_runs.quality_failures).
create schema quality;

create view quality.incident_without_reports as
select i.incident_id from public.incidents i
where not exists (select 1 from public.report_links l where l.incident_id = i.incident_id);

create view quality.casualty_range_out_of_order as
select incident_id, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high
from public.incidents
where killed_low > killed_best or killed_best > killed_high
   or injured_low > injured_best or injured_best > injured_high
   or (killed_best is null) <> (killed_low is null) or (killed_best is null) <> (killed_high is null)
   or (injured_best is null) <> (injured_low is null) or (injured_best is null) <> (injured_high is null);

create view quality.date_after_publication as
select i.incident_id, i.date_start, max(a.published) as last_published
from public.incidents i
join public.report_links l on l.incident_id = i.incident_id
join public.articles a on a.article_id = l.article_id
where i.date_start is not null
group by i.incident_id, i.date_start
having i.date_start > max(a.published) + 1; -- one day of time-zone slack, as extraction allows

create view quality.report_without_article as
select r.article_id, r.ordinal from public.incident_reports r
where not exists (select 1 from public.articles a where a.article_id = r.article_id);

create view quality.report_without_incident as
select r.article_id, r.ordinal from public.incident_reports r
where not exists (select 1 from public.report_links l where l.article_id = r.article_id and l.ordinal = r.ordinal);

-- The next two can only fail where foreign and unique keys cannot hold them, as on Citus
-- (docs/scaling.md): a link to a report that is gone, a report linked to two incidents.
create view quality.link_without_report as
select l.incident_id, l.article_id, l.ordinal from public.report_links l
where not exists (select 1 from public.incident_reports r where r.article_id = l.article_id and r.ordinal = l.ordinal);

create view quality.report_in_two_incidents as
select l.article_id, l.ordinal, count(*) as incidents from public.report_links l
group by l.article_id, l.ordinal
having count(*) > 1;

create view quality.source_count_mismatch as
select i.incident_id, i.source_count, count(l.*) as linked_reports
from public.incidents i
left join public.report_links l on l.incident_id = i.incident_id
group by i.incident_id, i.source_count
having i.source_count <> count(l.*);

-- One row per check with its count of failing rows.
create view quality.summary as
select 'incident_without_reports' as check_name, count(*) as failures from quality.incident_without_reports
union all select 'casualty_range_out_of_order', count(*) from quality.casualty_range_out_of_order
union all select 'date_after_publication', count(*) from quality.date_after_publication
union all select 'report_without_article', count(*) from quality.report_without_article
union all select 'report_without_incident', count(*) from quality.report_without_incident
union all select 'link_without_report', count(*) from quality.link_without_report
union all select 'report_in_two_incidents', count(*) from quality.report_in_two_incidents
union all select 'source_count_mismatch', count(*) from quality.source_count_mismatch;
