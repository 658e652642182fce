-- openoqs central service: 救急時医療情報閲覧 (emergency view, docs/emergency-view.md).
-- A hospital's administrator grants 救急時閲覧権限 to specific 医療情報閲覧 accounts; those accounts enrol a TOTP
-- second factor (RFC 6238) and pass it in the portal session before any emergency view.
-- Instants are TIMESTAMP WITH TIME ZONE (UTC), as in V1.

-- 救急時閲覧権限 (OQSCD043 1 権限あり): a row while granted; revoking deletes it (the audit trail keeps the history).
create table emergency_permission (
    institution_code  varchar(10)  not null,
    account_id        varchar(32)  not null,
    granted_at        timestamp with time zone not null,
    granted_by        varchar(32)  not null,
    constraint emergency_permission_pk primary key (institution_code, account_id),
    constraint emergency_permission_account_fk foreign key (institution_code, account_id)
        references web_account (institution_code, account_id)
);

-- The account's TOTP secret, AES-256-GCM encrypted under a key derived from the server's audit chain key file (never
-- in the database): base64 of 12-byte nonce + ciphertext + tag, bound to institution code and account ID as
-- associated data, so a copied row does not decrypt for another account. confirmed_at is null while the enrolment
-- waits for its first code. last_used_step refuses a replayed code (one conditional UPDATE, so concurrent uses of
-- one code cannot both pass); failed_attempts locks the factor after 5 wrong codes in a row.
create table totp_credential (
    institution_code  varchar(10)  not null,
    account_id        varchar(32)  not null,
    secret_sealed     varchar(200) not null,
    created_at        timestamp with time zone not null,
    confirmed_at      timestamp with time zone,
    last_used_step    bigint,
    failed_attempts   integer      not null default 0,
    constraint totp_credential_pk primary key (institution_code, account_id),
    constraint totp_credential_account_fk foreign key (institution_code, account_id)
        references web_account (institution_code, account_id),
    constraint totp_credential_failed_ck check (failed_attempts >= 0)
);
