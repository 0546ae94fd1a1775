-- Synthetic incidents for bench/analysis_bench.sh: :n incidents over ten years in 40 countries
-- (skewed: a few countries hold most), 20 provinces and 25 cities each, perpetrators drawn from
-- actor_groups, two reports per incident from 60 outlets with diverging tolls. Deterministic
-- (setseed). Rows go straight into the tables, as the ETL would have written them.
select setseed(0.2024);

insert into etl_runs (config_hash, program_version, status) values ('bench', 'bench', 'completed');
create temp table bench_run as select max(run_id) as run_id from etl_runs;
create temp table bench_actors as
    select row_number() over (order by canonical) as k, canonical from actor_groups where kind = 'group';

create temp table bench_incidents as
select g as k,
       'bench-' || g as incident_id,
       date '2014-01-01' + floor(random() * 3650)::int as day,
       (array['AF','IQ','SY','PK','NG','SO','YE','ML','BF','IN','PH','CO','CD','MZ','CM','NE','LY','EG','TR','KE',
              'TD','SD','SS','MM','TH','UA','RU','LB','IL','PS','IR','SA','BD','LK','ET','CF','DZ','TN','US','FR'])
           [1 + floor(40 * power(random(), 2.5))::int] as country,
       1 + floor(20 * power(random(), 2))::int as province,
       1 + floor(25 * power(random(), 2))::int as city,
       floor(power(random(), 3) * 200)::int as killed,
       floor(power(random(), 3) * 400)::int as injured,
       random() as r
from generate_series(1, :n) g;

insert into incidents (incident_id, date_start, date_end, date_precision, country, admin1, city, latitude, longitude,
                       geo_precision, attacker, attacker_status, attack_type, target_type, killed_low, killed_best,
                       killed_high, injured_low, injured_best, injured_high, source_count, first_reported,
                       last_reported, created_run, updated_run)
select i.incident_id, i.day, i.day, 'day', i.country, 'Province ' || i.province, 'City ' || i.province || '-' || i.city,
       -30 + 60 * i.r, -100 + 200 * random(), 'city',
       case when i.r < 0.55 then null else (select canonical from bench_actors where k = 1 + (i.k % (select count(*) from bench_actors))) end,
       case when i.r < 0.55 then 'none' when i.r < 0.75 then 'claimed' when i.r < 0.9 then 'blamed' else 'suspected' end,
       (array['Bombing/Explosion','Armed Assault','Hostage Taking (Kidnapping)','Assassination','Facility/Infrastructure Attack'])[1 + (i.k % 5)],
       (array['Private Citizens & Property','Military','Police','Government (General)','Business','Religious Figures/Institutions','Educational Institution','Transportation'])[1 + (i.k % 8)],
       i.killed, i.killed + (i.k % 3), i.killed + 2 * (i.k % 3), i.injured, i.injured, i.injured + (i.k % 5),
       2, i.day + 1, i.day + 1 + (i.k % 20), (select run_id from bench_run), (select run_id from bench_run)
from bench_incidents i;

insert into articles (article_id, source, url, published, title, body, text_sha256, first_seen_run, last_changed_run)
select 'bench-' || i.k || '-' || a, 'outlet' || ((i.k * 7 + a) % 60) || '.example', null, i.day + a + (i.k % 20) * (a - 1),
       null, 'synthetic', repeat('0', 64), (select run_id from bench_run), (select run_id from bench_run)
from bench_incidents i, generate_series(1, 2) a;

insert into incident_reports (article_id, ordinal, date_start, date_end, date_precision, country, admin1, city,
                              geo_precision, attacker, attacker_status, attack_type, target_type, killed,
                              killed_qualifier, injured, injured_qualifier, evidence, evidence_start, evidence_end,
                              extracted_run)
select 'bench-' || i.k || '-' || a, 0, inc.date_start, inc.date_end, 'day', inc.country, inc.admin1, inc.city, 'city',
       inc.attacker, inc.attacker_status, inc.attack_type, inc.target_type,
       case when a = 1 then inc.killed_low else inc.killed_high end, 'exact',
       inc.injured_best, 'exact', 'synthetic report', 0, 16, (select run_id from bench_run)
from bench_incidents i
join incidents inc on inc.incident_id = i.incident_id, generate_series(1, 2) a;

insert into report_links (article_id, ordinal, incident_id, score, linked_run)
select 'bench-' || i.k || '-' || a, 0, i.incident_id, case when a = 2 then 8.0 end, (select run_id from bench_run)
from bench_incidents i, generate_series(1, 2) a;

analyze;
