-- openoqs central service: one current certificate per card credential (docs/security.md, "Card and API").
-- current_marker is 'Y' on the certificate in force and NULL on superseded ones; the unique constraint lets any
-- number of superseded rows stand next to exactly one current row (NULLs are distinct in H2 and PostgreSQL), so two
-- issuances racing for one card cannot both commit.
alter table card_credential add column current_marker char(1);

-- Before this version a reader could have several certificates issued for one credential: the latest stays current,
-- every other one is revoked (superseded) so the CRL refuses it from now on.
update card_credential set current_marker = 'Y' where not exists (
    select 1 from card_credential o
    where o.card_id = card_credential.card_id and o.credential_kind = card_credential.credential_kind
      and (o.issued_at > card_credential.issued_at
           or (o.issued_at = card_credential.issued_at and o.serial_hex > card_credential.serial_hex)));
update card_credential set revoked_at = current_timestamp, revocation_reason = 'superseded'
    where current_marker is null and revoked_at is null;

alter table card_credential add constraint card_credential_current_uk
    unique (card_id, credential_kind, current_marker);
alter table card_credential add constraint card_credential_current_ck
    check (current_marker is null or current_marker = 'Y');
