-- openoqs central service: 電子処方箋 (docs/e-prescription.md).
-- One row per registered prescription, from registration by the prescribing facility through receipt and the
-- dispensing result of a pharmacy. The signed payload (CMS SignedData, DER) is kept as registered; the columns
-- beside it are what searches and lists need, copied out of the verified document.
-- Instants are TIMESTAMP WITH TIME ZONE (UTC), as in V1.
create table eps_prescription (
    prescription_id               varchar(36)  not null primary key,   -- lower-case UUID
    access_code                   varchar(10)  not null,               -- 引換番号, 10 digits
    institution_code              varchar(10)  not null references facility (institution_code),
    issue_type                    char(1)      not null,               -- OQSCD017: 1 電子, 2 紙
    status                        char(1)      not null,               -- PrescriptionStatus: 1 未受付, 2 調剤中, 3 調剤済, 9 取消済
    signed_payload                bytea        not null,
    payload_sha256                varchar(64)  not null,
    signer                        varchar(200) not null,               -- SignId: issuer CN:serial
    doctor_name                   varchar(100) not null,
    issue_date                    date         not null,
    expiry_date                   date         not null,
    insurer_number                varchar(8)   not null,               -- digits, no padding
    insured_card_symbol_key       varchar(40)  not null,               -- InsuranceIdentifiers.normalize ('' when none)
    insured_identification_key    varchar(40)  not null,
    insured_branch_key            varchar(4)   not null,
    patient_name                  varchar(100) not null,
    birthdate                     date         not null,
    created_at                    timestamp with time zone not null,
    cancelled_at                  timestamp with time zone,
    pharmacy_code                 varchar(10)  references facility (institution_code),
    received_at                   timestamp with time zone,
    dispensed_at                  timestamp with time zone,
    dispensing_date               date,
    message_flag                  char(1),                             -- 1 伝達事項なし, 2 あり
    dispensing_result             bytea,                               -- DispensingResult block, UTF-8 XML
    constraint eps_prescription_access_code_uk unique (access_code),
    -- a retried registration of the same signed payload is answered with the first one
    constraint eps_prescription_payload_uk unique (institution_code, payload_sha256),
    constraint eps_prescription_status_ck check (status in ('1', '2', '3', '9')),
    constraint eps_prescription_issue_type_ck check (issue_type in ('1', '2'))
);
create index eps_prescription_patient_ix
    on eps_prescription (institution_code, insurer_number, insured_identification_key, issue_date);
create index eps_prescription_prescriber_dispensed_ix on eps_prescription (institution_code, dispensing_date);
create index eps_prescription_pharmacy_dispensed_ix on eps_prescription (pharmacy_code, dispensing_date);

-- OQSCD039 処方箋発行形態選択タイミング per facility; no row = 1 資格確認時以外で確認 (the reader does not ask).
create table eps_facility_setting (
    institution_code    varchar(10)  not null primary key references facility (institution_code),
    selection_timing    char(1)      not null,
    updated_at          timestamp with time zone not null,
    constraint eps_facility_setting_timing_ck check (selection_timing in ('1', '2'))
);
