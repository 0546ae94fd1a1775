-- The read-only role for BI tools (Metabase, Superset, Grafana). It sees only the marts; the
-- grants are part of the analysis layer (sql/analysis/050_bi_access.sql), re-applied whenever the
-- layer is rebuilt. It cannot log in until `incident-etl migrate` sets its password from
-- INCIDENT_ETL_BI_PASSWORD or database.bi_password (never stored in the repository).
-- Roles belong to the whole server: several databases on one server share it.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'incident_bi') then
        create role incident_bi nologin noinherit;
    end if;
end
$$;
