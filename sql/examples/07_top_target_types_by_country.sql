-- Question: what are the most frequent target types in each country?
-- Columns: country_name, target_type, incidents, killed, rank (within the country).
select country_name, target_type, incidents, killed, rank
from (
    select f.country_name,
           f.target_type,
           count(*) as incidents,
           coalesce(sum(f.killed_best), 0) as killed,
           rank() over (partition by f.country_name order by count(*) desc, coalesce(sum(f.killed_best), 0) desc) as rank
    from marts.fct_incidents f
    group by f.country_name, f.target_type
) ranked
where rank <= 3
order by country_name, rank, target_type;
