-- Question: how many incidents, and how many dead, within 50 km of a city, month by month?
-- Parameters: city, country (ISO alpha-2), radius_km. The city's coordinates come from
-- dim_location; distances are great-circle (haversine), so no PostGIS is needed.
-- Columns: month_start, incidents, killed (sum of best estimates).
with params as (select 'Peshawar'::text as city, 'PK'::text as country, 50.0 as radius_km),
centre as (
    select l.latitude, l.longitude
    from marts.dim_location l
    join params p on l.city = p.city and l.country = p.country
    where l.latitude is not null
    order by l.mentions desc
    limit 1
)
select f.month_start,
       count(*) as incidents,
       coalesce(sum(f.killed_best), 0) as killed
from marts.fct_incidents f
cross join centre c
cross join params p
where f.latitude is not null
  and f.month_start is not null
  and 2 * 6371.0088 * asin(sqrt(power(sin(radians(f.latitude - c.latitude) / 2), 2)
        + cos(radians(c.latitude)) * cos(radians(f.latitude)) * power(sin(radians(f.longitude - c.longitude) / 2), 2)))
      <= p.radius_km
group by f.month_start
order by f.month_start;
