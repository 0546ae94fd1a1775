-- What the BI role (incident_bi, schema/004_bi_role.sql) may do: read the marts, nothing else.
-- Raw tables, staging and quality stay closed to it; it owns nothing and may create nothing.
revoke all on schema public from incident_bi;
revoke all on all tables in schema public from incident_bi;
revoke all on schema staging, quality from incident_bi;
grant usage on schema marts to incident_bi;
grant select on all tables in schema marts to incident_bi;
