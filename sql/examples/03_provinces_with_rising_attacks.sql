-- Question: in which provinces (admin1) are attacks rising: more incidents in the last 12 months
-- than in the 12 months before?
-- Parameters: as_of (default: the latest incident date), months (window length).
-- Columns: country_name, admin1, recent, earlier, change, killed_recent.
with params as (select (select max(date_start) from marts.fct_incidents) as as_of, 12 as months),
windows as (
    select as_of,
           (as_of - make_interval(months => months))::date as recent_from,
           (as_of - make_interval(months => 2 * months))::date as earlier_from
    from params
),
counts as (
    select f.country_name,
           f.admin1,
           count(*) filter (where f.date_start > w.recent_from) as recent,
           count(*) filter (where f.date_start <= w.recent_from) as earlier,
           coalesce(sum(f.killed_best) filter (where f.date_start > w.recent_from), 0) as killed_recent
    from marts.fct_incidents f
    cross join windows w
    where f.admin1 is not null and f.date_start > w.earlier_from and f.date_start <= w.as_of
    group by f.country_name, f.admin1
)
select country_name, admin1, recent, earlier, recent - earlier as change, killed_recent
from counts
where recent > earlier
order by change desc, killed_recent desc, admin1;
