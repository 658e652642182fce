-- 環境設定 医療費助成情報 (PMH, docs/pmh.md): 利用する / 利用しない per facility; no row = 利用しない. Kept apart from
-- facility's other settings so that opting in is one recorded act (it also means accepting PMH's terms).
create table facility_medical_subsidy (
    institution_code    varchar(10)  primary key,
    enabled             boolean      not null,
    changed_at          timestamp with time zone not null,
    changed_by          varchar(200) not null
);
