-- マイナ在宅受付Web (docs/home-care.md): each facility's URL per care setting (2 訪問診療等, 3 オンライン診療等). The
-- token is the URL's only secret-free identifier of the facility; regenerating (OQSCD035 1) replaces it, and the old
-- URL stops working.
create table home_care_url (
    institution_code    varchar(10)  not null,
    treatment           char(1)      not null,
    token               varchar(64)  not null unique,
    issued_at           timestamp with time zone not null,
    primary key (institution_code, treatment)
);
