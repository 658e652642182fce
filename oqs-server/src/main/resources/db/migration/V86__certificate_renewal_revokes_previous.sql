-- openoqs central service: a renewed facility certificate is revoked after a grace period (docs/certificates.md §3,
-- docs/security.md "Card and API"). previous_revoked_at is set when the previous certificate of a renewal was put
-- on the CRL (reason superseded); rows without it are due once renewed_at + the grace has passed.
alter table certificate_renewal add column previous_revoked_at timestamp with time zone;

-- Renewals made before this version kept the old certificate valid until its end date: it is revoked at the next
-- pass of the revoker like any other renewal older than the grace.
create index certificate_renewal_pending_ix on certificate_renewal (previous_revoked_at, renewed_at);
