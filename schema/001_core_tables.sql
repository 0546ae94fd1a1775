-- Core tables: runs, articles, incident reports (one per incident per article), canonical
-- incidents, the report -> incident link, and rejected inputs.
-- Keys of reports and incidents are derived from content (article id + ordinal; the founding
-- report), never from sequences, so an interrupted run that is run again ends with the same rows.

-- Value types shared by reports and incidents.
create domain date_precision as text check (value in ('day', 'week', 'month', 'year'));
create domain geo_precision as text check (value in ('none', 'country', 'admin1', 'city'));
create domain claim_status as text check (value in ('none', 'claimed', 'blamed', 'suspected'));
create domain count_qualifier as text
    check (value in ('exact', 'at_least', 'more_than', 'about', 'almost', 'up_to', 'vague'));
create domain person_count as integer check (value >= 0);
create domain latitude as numeric(9, 6) check (value between -90 and 90);
create domain longitude as numeric(9, 6) check (value between -180 and 180);

create table etl_runs (
    run_id              bigserial primary key,
    started_at          timestamptz not null default now(),
    finished_at         timestamptz,
    status              text not null default 'running'
                        check (status in ('running', 'completed', 'completed_with_rejections',
                                          'failed', 'interrupted')),
    inputs              text[] not null default '{}',
    articles_read       integer not null default 0 check (articles_read >= 0),
    articles_new        integer not null default 0 check (articles_new >= 0),
    articles_changed    integer not null default 0 check (articles_changed >= 0),
    articles_unchanged  integer not null default 0 check (articles_unchanged >= 0),
    articles_rejected   integer not null default 0 check (articles_rejected >= 0),
    reports_extracted   integer not null default 0 check (reports_extracted >= 0),
    incidents_created   integer not null default 0 check (incidents_created >= 0),
    incidents_updated   integer not null default 0 check (incidents_updated >= 0),
    incidents_deleted   integer not null default 0 check (incidents_deleted >= 0),
    config_hash         text not null,
    program_version     text not null,
    error               text
);

create table articles (
    article_id          text primary key,
    source              text,
    url                 text,
    published           date,
    title               text,
    body                text not null,
    text_sha256         char(64) not null,
    first_seen_run      bigint not null references etl_runs (run_id),
    last_changed_run    bigint not null references etl_runs (run_id)
);
create index articles_published_idx on articles (published);
create index articles_source_idx on articles (source);

create table incidents (
    incident_id         text primary key,
    date_start          date,
    date_end            date,
    date_precision      date_precision,
    country             char(2),
    admin1              text,
    city                text,
    latitude            latitude,
    longitude           longitude,
    geo_precision       geo_precision not null default 'none',
    attacker            text,
    attacker_status     claim_status not null default 'none',
    attack_type         text,
    target_type         text,
    killed_low          person_count,
    killed_best         person_count,
    killed_high         person_count,
    injured_low         person_count,
    injured_best        person_count,
    injured_high        person_count,
    source_count        integer not null check (source_count >= 1),
    first_reported      date,
    last_reported       date,
    needs_refresh       boolean not null default false,
    created_run         bigint not null references etl_runs (run_id),
    updated_run         bigint not null references etl_runs (run_id),
    check (date_start <= date_end),
    check ((date_start is null) = (date_precision is null)),
    check (killed_low <= killed_best and killed_best <= killed_high),
    check (injured_low <= injured_best and injured_best <= injured_high),
    check (first_reported <= last_reported)
);
create index incidents_country_date_idx on incidents (country, date_start, date_end);
create index incidents_date_idx on incidents (date_start);
create index incidents_attacker_idx on incidents (attacker);
create index incidents_refresh_idx on incidents (incident_id) where needs_refresh;

create table incident_reports (
    article_id          text not null references articles (article_id) on delete cascade,
    ordinal             integer not null check (ordinal >= 0),
    date_start          date,
    date_end            date,
    date_precision      date_precision,
    country             char(2),
    admin1              text,
    city                text,
    latitude            latitude,
    longitude           longitude,
    geo_precision       geo_precision not null default 'none',
    attacker            text,
    attacker_status     claim_status not null default 'none',
    attack_type         text,
    target_type         text,
    killed              person_count,
    killed_qualifier    count_qualifier,
    killed_text         text,
    injured             person_count,
    injured_qualifier   count_qualifier,
    injured_text        text,
    kidnapped           person_count,
    kidnapped_qualifier count_qualifier,
    perpetrators_killed person_count,
    evidence            text not null,
    evidence_start      integer not null check (evidence_start >= 0),
    evidence_end        integer not null,
    explanations        jsonb not null default '[]',
    extracted_run       bigint not null references etl_runs (run_id),
    primary key (article_id, ordinal),
    check (evidence_start <= evidence_end),
    check (date_start <= date_end),
    check ((killed is null) = (killed_qualifier is null)),
    check ((injured is null) = (injured_qualifier is null)),
    check ((kidnapped is null) = (kidnapped_qualifier is null))
);
create index incident_reports_country_date_idx on incident_reports (country, date_start);

-- Which incident each report belongs to. A report without a row here has not been
-- deduplicated yet (a run stopped before its deduplication step).
create table report_links (
    article_id          text not null,
    ordinal             integer not null,
    incident_id         text not null references incidents (incident_id) on delete cascade,
    score               double precision,
    linked_run          bigint not null references etl_runs (run_id),
    primary key (article_id, ordinal),
    foreign key (article_id, ordinal) references incident_reports (article_id, ordinal) on delete cascade
);
create index report_links_incident_idx on report_links (incident_id);

create table rejected_inputs (
    rejection_id        bigserial primary key,
    run_id              bigint not null references etl_runs (run_id),
    input               text not null,
    reason              text not null,
    rejected_at         timestamptz not null default now()
);
create index rejected_inputs_run_idx on rejected_inputs (run_id);
