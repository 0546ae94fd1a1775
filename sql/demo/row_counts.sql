-- Row counts after a run: the same after a second run of the same input.
select (select count(*) from articles) as articles,
       (select count(*) from incident_reports) as reports,
       (select count(*) from incidents) as incidents,
       (select count(*) from etl_runs) as runs,
       (select count(*) from rejected_inputs) as rejected_inputs;
