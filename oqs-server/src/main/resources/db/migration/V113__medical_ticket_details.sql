-- openoqs central service: what a welfare office writes on a 医療券・調剤券 besides its number, month and dates
-- (INTERFACE.md §4.2 MedicalTicketInfo, docs/eligibility.md "医療券・調剤券"). Every column is optional; codes are
-- those of the interface's tables.
alter table medical_ticket add column designated_medical_institution_name varchar(100);
alter table medical_ticket add column prescription_issuer_code            varchar(10);
alter table medical_ticket add column prescription_issuer_name            varchar(100);
alter table medical_ticket add column injury_name_1                       varchar(100);
alter table medical_ticket add column injury_name_2                       varchar(100);
alter table medical_ticket add column injury_name_3                       varchar(100);
alter table medical_ticket add column medical_treatment_type              char(2);      -- OQSCD019
alter table medical_ticket add column self_pay_amount                     varchar(10);  -- yen, as written
alter table medical_ticket add column district_contact_name               varchar(100);
alter table medical_ticket add column handling_contact_name               varchar(100);
alter table medical_ticket add column single_or_combined_use              char(2);      -- OQSCD020
alter table medical_ticket add column status_of_social_insurance          char(2);      -- OQSCD021
alter table medical_ticket add column consistency_flag                    char(1);      -- OQSCD022
alter table medical_ticket add column status_of_infection                 char(2);      -- OQSCD023
alter table medical_ticket add column status_of_elderly_medical_care      char(2);      -- OQSCD024
alter table medical_ticket add column status_of_prefectural_expenses      char(2);      -- OQSCD025
alter table medical_ticket add column remarks_1                           varchar(200);
alter table medical_ticket add column remarks_2                           varchar(200);
alter table medical_ticket add column remarks_3                           varchar(200);
