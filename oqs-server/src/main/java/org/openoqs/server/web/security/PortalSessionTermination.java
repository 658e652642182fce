package org.openoqs.server.web.security;

import org.openoqs.server.account.AccountAccessEnded;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.OwnPasswordChanged;
import org.openoqs.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends portal sessions whose sign-in no longer counts, by deleting their rows from the session table (their
 * attributes go with them: {@code on delete cascade}), in the transaction of the change that ended them:
 * <ul>
 *   <li>the account was disabled or its password re-issued ({@link AccountAccessEnded}): all its sessions;</li>
 *   <li>its owner changed the password ({@link OwnPasswordChanged}): all but the session that made the change.</li>
 * </ul>
 * The next request of such a browser finds no session and is sent to the login page. Sessions are named by
 * Spring Session's {@code principal_name}, which is {@link PortalUser#toString()} ({@code <code>/<account id>}).
 */
@Component
public class PortalSessionTermination {

    public static final String ACTION = "WEB_SESSION_ENDED";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public PortalSessionTermination(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    public void accessEnded(AccountAccessEnded event) {
        int ended = jdbc.sql("delete from " + PortalSessionStore.TABLE + " where principal_name = ?")
                .param(principal(event.institutionCode(), event.accountId())).update();
        record(event.institutionCode(), event.accountId(), event.reason(), ended);
    }

    @EventListener
    public void passwordChanged(OwnPasswordChanged event) {
        String principal = principal(event.institutionCode(), event.accountId());
        int ended = event.keepSessionId() == null
                ? jdbc.sql("delete from " + PortalSessionStore.TABLE + " where principal_name = ?").param(principal).update()
                : jdbc.sql("delete from " + PortalSessionStore.TABLE + " where principal_name = ? and session_id <> ?")
                        .params(principal, event.keepSessionId()).update();
        record(event.institutionCode(), event.accountId(), "PASSWORD_CHANGED", ended);
    }

    private void record(String institutionCode, String accountId, String reason, int ended) {
        if (ended > 0) {
            audit.append(institutionCode, AccountService.SYSTEM, ACTION, "account=" + accountId,
                    "ENDED " + reason + " sessions=" + ended);
        }
    }

    private static String principal(String institutionCode, String accountId) {
        return institutionCode + "/" + accountId;
    }
}
