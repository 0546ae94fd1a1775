-- Question: how do incidents with a claimed perpetrator compare with the others (blamed,
-- suspected, or no perpetrator named), country by country?
-- Columns: country_name, claim (claimed / blamed / suspected / none), incidents, killed.
select f.country_name,
       case when f.attacker = 'Unknown' then 'none' else f.attacker_status end as claim,
       count(*) as incidents,
       coalesce(sum(f.killed_best), 0) as killed
from marts.fct_incidents f
group by f.country_name, claim
order by f.country_name, claim;
