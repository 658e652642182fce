-- Web portal sessions, shared by every server instance on this database, so that a round-robin balancer
-- without sticky sessions can send a browser to any instance (docs/web-portal.md). The layout is Spring
-- Session JDBC's (JdbcIndexedSessionRepository, table name set in web/security/PortalSessionStore); its
-- statements use these column names unquoted. Times are epoch milliseconds, as Spring Session writes them.
create table web_session (
    primary_id             char(36)     not null,   -- row key, never sent to the browser
    session_id             char(36)     not null,   -- the id in the JSESSIONID cookie; changes at sign-in
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,   -- seconds (oqs.web.session-timeout)
    expiry_time            bigint       not null,   -- last_access_time + max_inactive_interval
    principal_name         varchar(100),            -- institution code/account id once signed in
    constraint web_session_pk primary key (primary_id)
);
create unique index web_session_id_uk on web_session (session_id);
-- the periodic clean-up deletes by expiry_time (oqs.web.session-cleanup-cron)
create index web_session_expiry_ix on web_session (expiry_time);
create index web_session_principal_ix on web_session (principal_name);

-- Session attributes (the security context, the CSRF token, flash messages), Java-serialized.
create table web_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint web_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint web_session_attributes_fk foreign key (session_primary_id)
        references web_session (primary_id) on delete cascade
);
