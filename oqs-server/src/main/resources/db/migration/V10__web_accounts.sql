-- Web portal accounts (seed chapter 8): one master account per facility, administrator accounts, personal
-- general / medical-information-viewing accounts, and the machine accounts (linkage app R0…, WebAPI R1…,
-- face-auth device) — all scoped to one facility. An account ID is unique within its facility only, so a
-- facility can never learn whether an ID exists elsewhere.
create table web_account (
    institution_code      varchar(10)  not null references facility (institution_code),
    account_id            varchar(32)  not null,
    kind                  varchar(24)  not null,   -- AccountKind
    display_name          varchar(100),
    password_hash         varchar(255) not null,   -- {argon2}… (DelegatingPasswordEncoder format)
    password_changed_at   timestamp with time zone not null,
    must_change_password  boolean      not null,   -- issued or reset by someone else: change at next login
    failed_attempts       integer      not null default 0,
    locked_at             timestamp with time zone,
    enabled               boolean      not null default true,
    created_at            timestamp with time zone not null,
    created_by            varchar(32)  not null,
    last_login_at         timestamp with time zone,
    master_of             varchar(10),             -- = institution_code for the master account, else null
    constraint web_account_pk primary key (institution_code, account_id),
    constraint web_account_kind_ck check (kind in ('MASTER', 'ADMIN', 'GENERAL', 'MEDICAL_VIEWER', 'LINKAGE',
        'WEB_API', 'FACE_DEVICE')),
    constraint web_account_failed_ck check (failed_attempts >= 0),
    -- at most one master account per facility (NULLs do not collide, on PostgreSQL and H2 alike)
    constraint web_account_one_master_uk unique (master_of),
    constraint web_account_master_ck check ((kind = 'MASTER' and master_of = institution_code)
        or (kind <> 'MASTER' and master_of is null))
);

-- Previous password hashes, newest first by changed_at; the policy refuses to reuse the recent ones.
create table web_password_history (
    institution_code  varchar(10)  not null,
    account_id        varchar(32)  not null,
    changed_at        timestamp with time zone not null,
    seq               integer      not null,
    password_hash     varchar(255) not null,
    constraint web_password_history_pk primary key (institution_code, account_id, seq),
    constraint web_password_history_account_fk foreign key (institution_code, account_id)
        references web_account (institution_code, account_id)
);
