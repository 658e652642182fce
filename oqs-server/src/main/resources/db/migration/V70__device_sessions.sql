-- openoqs central service: sign-in of face-auth card readers (顔認証用アカウント, seed chapters 8 and 10;
-- docs/card-path.md "Device sign-in"). A reader signs in once with its account's ID and password (Argon2id, slow on
-- purpose) and then presents the session token on every card call. Only the token's SHA-256 is stored: a copy of
-- this table opens nothing. Rows are shared by every node (stateless service), checked by one primary-key lookup.
-- Instants are TIMESTAMP WITH TIME ZONE (UTC), as in V1.
create table device_session (
    token_hash          varchar(64)  not null primary key,    -- hex SHA-256 of the 256-bit random token
    institution_code    varchar(10)  not null,
    account_id          varchar(32)  not null,                 -- the FACE_DEVICE account (F + 5 digits)
    certificate_serial  varchar(64)  not null,                 -- the facility certificate it signed in with (audit)
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    constraint device_session_account_fk foreign key (institution_code, account_id)
        references web_account (institution_code, account_id)
);
-- ending every session of an account (disabled, password re-issued) and purging expired ones
create index device_session_account_ix on device_session (institution_code, account_id);
create index device_session_expiry_ix on device_session (expires_at);
