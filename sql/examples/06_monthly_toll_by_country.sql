-- Question: month by month, how many incidents, killed and injured in each country (the
-- dashboard's main series)?
-- Columns: month_start, country_name, incidents, killed, injured.
select month_start, country_name, incidents, killed, injured
from marts.agg_incidents_by_month_country
order by month_start, country_name;
