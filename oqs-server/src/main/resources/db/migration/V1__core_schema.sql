-- openoqs central service, schema version 1.
-- Portable subset: runs unchanged on PostgreSQL 15 and on H2 2.x in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE.
-- Codes are stored as the interface writes them (OQSCD… values), dates as DATE, instants as
-- TIMESTAMP WITH TIME ZONE (UTC).

-- ---------------------------------------------------------------------------------------------------------
-- Facilities (医療機関・薬局) and their 環境設定. Opt-ins: 0 = 利用しない (OQSCD037), e-prescription OQSCD038.
create table facility (
    institution_code        varchar(10)  not null primary key,
    name                    varchar(200) not null,
    score_table             char(1)      not null,             -- 点数表番号: 1 医科, 3 歯科, 4 薬局
    is_hospital             boolean      not null default false,
    character_code          char(1)      not null default '0', -- OQSCD005: 0 UTF-8, 1 Shift_JIS
    use_operation_info      smallint     not null default 0,   -- 手術情報
    use_e_prescription      smallint     not null default 0,   -- 電子処方箋 (OQSCD038 0-3)
    use_e_karte_sharing     smallint     not null default 0,   -- 電子カルテ情報共有サービス
    use_medical_assistance  smallint     not null default 0,   -- 医療扶助
    use_emergency_info      smallint     not null default 0,   -- 救急時医療情報閲覧 (hospitals)
    use_smartphone          smallint     not null default 0,   -- スマートフォン資格確認
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint facility_score_table_ck check (score_table in ('1', '3', '4')),
    constraint facility_character_code_ck check (character_code in ('0', '1')),
    constraint facility_opt_in_ck check (use_operation_info in (0, 1) and use_e_karte_sharing in (0, 1)
        and use_medical_assistance in (0, 1) and use_emergency_info in (0, 1) and use_smartphone in (0, 1)
        and use_e_prescription between 0 and 3)
);

-- ---------------------------------------------------------------------------------------------------------
-- Audit trail: append-only, hash-chained. hash = sha256(prev_hash | id | at | canonical fields), see AuditLog.
-- audit_head holds the chain's last id and hash; writers lock it (SELECT … FOR UPDATE) so that several
-- server instances extend one chain.
create table audit_event (
    id          bigint       not null primary key,
    at          timestamp with time zone not null,
    facility    varchar(10),
    actor       varchar(200) not null,
    action      varchar(64)  not null,
    subject     varchar(1000),
    outcome     varchar(500) not null,
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null,
    constraint audit_event_hash_uk unique (hash)
);
create index audit_event_facility_ix on audit_event (facility, id);

create table audit_head (
    id          smallint     not null primary key,
    last_id     bigint       not null,
    last_hash   varchar(64)  not null,
    constraint audit_head_single_ck check (id = 1)
);
insert into audit_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- ---------------------------------------------------------------------------------------------------------
-- Insurer registry (synthetic): persons, qualifications (資格) with 高齢受給者 / 限度額 columns, 特定疾病 and
-- 医療券 child rows, My Number Cards. Mirrors org.openoqs.core.registry.
create table person (
    person_id     varchar(32)  not null primary key,
    name          varchar(100),
    name_kana     varchar(100),
    sex           char(1),                                  -- OQSCD007
    birthdate     date         not null,
    post_number   varchar(8),
    address       varchar(300)
);

create table qualification (
    qualification_id                   varchar(40)  not null primary key,
    person_id                          varchar(32)  not null references person (person_id),
    insured_card_classification        varchar(2)   not null,  -- OQSCD010
    insurer_number                     varchar(8)   not null,  -- digits, 6 (国保) or 8, no padding
    insurer_name                       varchar(200),
    insured_card_symbol                varchar(40),
    insured_identification_number      varchar(40)  not null,  -- as registered
    insured_identification_number_key  varchar(40)  not null,  -- InsuranceIdentifiers.normalize(number)
    insured_branch_number              varchar(4),
    personal_family_classification     char(1),                -- OQSCD009
    insured_name                       varchar(100),
    qualification_date                 date         not null,
    disqualification_date              date,
    reason_of_loss                     varchar(2),             -- OQSCD008
    insured_certificate_issuance_date  date,
    insured_card_valid_date            date,
    insured_card_expiration_date       date,
    partial_contribution_ratio         varchar(3),
    preschool_classification           char(1),                -- OQSCD015
    -- 高齢受給者証情報 (70-74)
    elderly_certificate_date           date,
    elderly_valid_start_date           date,
    elderly_valid_end_date             date,
    elderly_contribution_ratio         varchar(3),
    -- 限度額適用認定証関連情報
    limit_classification               varchar(2),             -- OQSCD011
    limit_classification_flag          varchar(3),             -- OQSCD012
    limit_certificate_date             date,
    limit_valid_start_date             date,
    limit_valid_end_date               date,
    limit_long_term_date               date,
    -- child row counts, so that a lookup reads the child tables only when there is something to read
    specific_disease_count             smallint     not null default 0,
    medical_ticket_count               smallint     not null default 0
);
create index qualification_numbers_ix on qualification (insurer_number, insured_identification_number_key);
create index qualification_person_ix on qualification (person_id);

create table specific_disease_certificate (
    qualification_id    varchar(40) not null references qualification (qualification_id),
    seq                 smallint    not null,
    disease_category    char(1)     not null,                  -- OQSCD013
    certificate_date    date,
    valid_start_date    date,
    valid_end_date      date,
    self_pay            varchar(10),
    constraint specific_disease_certificate_pk primary key (qualification_id, seq)
);

create table medical_ticket (
    qualification_id                     varchar(40) not null references qualification (qualification_id),
    seq                                  smallint    not null,
    issue_number                         varchar(40),
    medical_treatment_month              char(6)     not null, -- yyyyMM
    valid_date                           date,
    expiration_date                      date,
    designated_medical_institution_code  varchar(10),
    constraint medical_ticket_pk primary key (qualification_id, seq)
);

create table my_number_card (
    card_id             varchar(32) not null primary key,
    person_id           varchar(32) not null references person (person_id),
    status              varchar(24) not null,                  -- CardStatus
    certificate_expiry  date
);
create index my_number_card_person_ix on my_number_card (person_id);

-- One row: whether and how the registry was seeded. Seeding locks it, so that several instances starting
-- together on one PostgreSQL database seed exactly once.
create table registry_meta (
    id               smallint    not null primary key,
    seeded_at        timestamp with time zone,
    population_seed  bigint,
    population_size  integer,
    population_date  date,
    constraint registry_meta_single_ck check (id = 1)
);
insert into registry_meta (id) values (1);
