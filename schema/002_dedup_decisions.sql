-- Deduplication that can be inspected and corrected.
--
-- dedup_overrides: analysts' decisions about pairs of reports, written by `incident-etl merge`
-- (decision 'same') and `incident-etl split` (decision 'different'). Every later run respects
-- them. A pair is stored once, smaller report key first; a new decision on the same pair
-- replaces the old one. Reports are named by key, not by foreign key: when an article changes
-- and its reports are extracted again, the decision applies to the report that now has that key.
create table dedup_overrides (
    a_article_id        text not null,
    a_ordinal           integer not null check (a_ordinal >= 0),
    b_article_id        text not null,
    b_ordinal           integer not null check (b_ordinal >= 0),
    decision            text not null check (decision in ('same', 'different')),
    note                text,
    decided_by          text not null default current_user,
    decided_at          timestamptz not null default now(),
    primary key (a_article_id, a_ordinal, b_article_id, b_ordinal),
    check ((a_article_id, a_ordinal) < (b_article_id, b_ordinal))
);
create index dedup_overrides_b_idx on dedup_overrides (b_article_id, b_ordinal);

-- Why each report joined its incident, as deduplication decided it: the average and the pair
-- scores of the union that added it (join_evidence: summary, analyst, pairs with every field's
-- level and weight). Null for the report that founded the incident.
alter table report_links add column join_evidence jsonb;
comment on column report_links.score is 'average pair score of the union that added this report; null for the founding report';
