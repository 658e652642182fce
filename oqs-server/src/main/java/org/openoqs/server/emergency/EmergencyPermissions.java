package org.openoqs.server.emergency;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.account.Account;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountNotFoundException;
import org.openoqs.server.account.AccountOperationRefusedException;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 救急時閲覧権限 (OQSCD043): the facility's administrator grants it to specific 医療情報閲覧 accounts of a hospital and
 * revokes it. Revoking also removes the account's TOTP enrolment (a new grant means a new enrolment). Every grant,
 * revoke and refusal is audited as {@value #ACTION}.
 */
@Service
public class EmergencyPermissions {

    public static final String ACTION = "EMERGENCY_PERMISSION";

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final Clock clock;

    public EmergencyPermissions(JdbcClient jdbc, AccountService accounts, FacilityService facilities, AuditLog audit,
                                Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean has(String institutionCode, String accountId) {
        return jdbc.sql("select count(*) from emergency_permission where institution_code = ? and account_id = ?")
                .params(institutionCode, accountId).query(Integer.class).single() > 0;
    }

    /** The facility's accounts holding the permission. */
    public Set<String> holders(String institutionCode) {
        return new TreeSet<>(jdbc.sql("select account_id from emergency_permission where institution_code = ?")
                .param(institutionCode).query(String.class).list());
    }

    @Transactional
    public void grant(AccountActor admin, String accountId) {
        Account target = target(admin, accountId, "GRANT");
        if (!facilities.get(admin.institutionCode()).hospital()) {
            refuse(admin, target, "GRANT", ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY);
        }
        if (target.kind() != AccountKind.MEDICAL_VIEWER) {
            refuse(admin, target, "GRANT", ErrorCode.EMERGENCY_PERMISSION_NOT_A_VIEWER);
        }
        boolean already = has(admin.institutionCode(), target.accountId());
        if (!already) {
            jdbc.sql("insert into emergency_permission (institution_code, account_id, granted_at, granted_by) "
                            + "values (?, ?, ?, ?)")
                    .params(admin.institutionCode(), target.accountId(), clock.instant().atOffset(ZoneOffset.UTC),
                            admin.accountId()).update();
        }
        audit.append(admin.institutionCode(), admin.accountId(), ACTION, subject(target, "GRANT"),
                already ? "OK ALREADY_GRANTED" : "OK GRANTED");
    }

    @Transactional
    public void revoke(AccountActor admin, String accountId) {
        Account target = target(admin, accountId, "REVOKE");
        int removed = jdbc.sql("delete from emergency_permission where institution_code = ? and account_id = ?")
                .params(admin.institutionCode(), target.accountId()).update();
        jdbc.sql("delete from totp_credential where institution_code = ? and account_id = ?")
                .params(admin.institutionCode(), target.accountId()).update();
        audit.append(admin.institutionCode(), admin.accountId(), ACTION, subject(target, "REVOKE"),
                removed == 0 ? "OK NOT_GRANTED" : "OK REVOKED");
    }

    /** The account, if the actor manages it (administrators manage 医療情報閲覧 accounts; the master does not). */
    private Account target(AccountActor admin, String accountId, String operation) {
        String id = accountId == null ? "" : accountId.strip();
        Account target = accounts.find(admin.institutionCode(), id).orElse(null);
        if (target == null) {
            audit.append(admin.institutionCode(), admin.accountId(), ACTION, "account=" + (id.matches("[A-Za-z0-9]{1,32}")
                    ? id : "(invalid)") + " op=" + operation, "REFUSED NOT_FOUND");
            throw new AccountNotFoundException(id);
        }
        if (!admin.kind().mayManage(target.kind())) {
            audit.append(admin.institutionCode(), admin.accountId(), ACTION, subject(target, operation),
                    "REFUSED ROLE " + admin.kind());
            throw new AccountOperationRefusedException(admin.kind().label() + "は" + target.kind().label()
                    + "の救急時閲覧権限を操作できません。");
        }
        return target;
    }

    private void refuse(AccountActor admin, Account target, String operation, ErrorCode code) {
        audit.append(admin.institutionCode(), admin.accountId(), ACTION, subject(target, operation),
                "REFUSED " + code.code());
        throw new EmergencyRefusedException(code, false);
    }

    private static String subject(Account target, String operation) {
        return "account=" + target.accountId() + " kind=" + target.kind() + " op=" + operation;
    }
}
