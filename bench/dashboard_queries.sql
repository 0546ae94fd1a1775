-- The queries a dashboard sends, timed by bench/analysis_bench.sh with EXPLAIN ANALYZE (one per
-- line; the name before the tab is the label).
monthly by country, one country	select month_start, incidents, killed, injured from marts.agg_incidents_by_month_country where country = 'AF' order by month_start
monthly by country, all	select month_start, country_name, incidents, killed from marts.agg_incidents_by_month_country order by month_start, country_name
monthly by group, one group	select month_start, incidents, killed from marts.agg_incidents_by_month_group where top_group = 'Taliban' order by month_start
top target types	select target_type, incidents, killed from marts.agg_target_types order by rank_by_incidents limit 10
sources that disagree most	select incident_id, killed_spread from marts.agg_source_disagreement order by killed_spread desc nulls last limit 10
incidents of a country in a month	select incident_id, date_start, city, attacker, killed_best from marts.fct_incidents where country = 'IQ' and month_start = date '2019-06-01' order by date_start
a group's incidents in a year	select incident_id, date_start, country, killed_best from marts.fct_incidents where attacker = 'Taliban' and date_start >= date '2020-01-01' and date_start < date '2021-01-01' order by date_start
one incident's reports	select report_id, source, published_date, killed from marts.fct_incident_reports where incident_id = 'bench-4242'
incidents in a place	select f.incident_id, f.date_start, f.killed_best from marts.fct_incidents f where f.location_key = md5('SY|Province 3|City 3-7') order by f.date_start desc limit 50
deadliest of a country	select incident_id, date_start, killed_best from marts.fct_incidents where country = 'NG' order by killed_best desc nulls last limit 20
