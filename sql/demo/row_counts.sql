-- Row counts after a run: the same after a second run of the same input. The marts hold what the
-- tables hold; quality_failures is the last run's count of failing data-quality rows.
select (select count(*) from articles) as articles,
       (select count(*) from incident_reports) as reports,
       (select count(*) from incidents) as incidents,
       (select count(*) from marts.fct_incidents) as mart_incidents,
       (select count(*) from etl_runs) as runs,
       (select count(*) from rejected_inputs) as rejected_inputs,
       (select quality_failures from etl_runs order by run_id desc limit 1) as quality_failures;
