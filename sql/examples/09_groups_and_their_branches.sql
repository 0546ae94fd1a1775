-- Question: which branches carry each group's attacks (incidents named to a branch roll up to
-- the parent group in the other marts)?
-- Columns: top_group, attacker (the group itself or one of its branches), kind, incidents, killed.
select f.top_group,
       f.attacker,
       a.kind,
       count(*) as incidents,
       coalesce(sum(f.killed_best), 0) as killed
from marts.fct_incidents f
join marts.dim_actor a using (actor_key)
where f.attacker <> 'Unknown'
group by f.top_group, f.attacker, a.kind
order by f.top_group, incidents desc, f.attacker;
