package org.openoqs.server.distribution;

import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 配信記録 and version reports of the terminals, per facility (a facility only ever sees its own terminals). Both are
 * bounded (docs/security.md, "Card and API"): a facility registers at most {@code oqs.distribution.max-terminals}
 * computer names (200 by default; a known name is updated in place, a new one beyond the cap is refused with
 * {@link org.openoqs.core.error.ErrorCode#TOO_MANY_TERMINALS}), and a version report replaces the terminal's previous
 * one and names at most {@link #MAX_REPORTED_COMPONENTS} distinct components.
 */
@Service
public class DistributionService {

    /** The components a terminal reports (agent, terminal, reader, …): a handful; far more is not a report. */
    public static final int MAX_REPORTED_COMPONENTS = 32;
    public static final int DEFAULT_MAX_TERMINALS = 200;

    private static final String TERMINAL_COLUMNS = "institution_code, computer_name, agent_version, registered_at, "
            + "last_seen_at, certificate_serial, certificate_not_after";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxTerminals;

    public DistributionService(JdbcClient jdbc, Clock clock,
                               @Value("${oqs.distribution.max-terminals:" + DEFAULT_MAX_TERMINALS + "}") int maxTerminals) {
        if (maxTerminals < 1) {
            throw new IllegalArgumentException("oqs.distribution.max-terminals must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxTerminals = maxTerminals;
    }

    /** A registration beyond the facility's cap of terminals. */
    public static final class TooManyTerminalsException extends RuntimeException {
        private final int max;

        TooManyTerminalsException(int max) {
            super("the facility has " + max + " registered terminals already");
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /**
     * Registers the terminal, or refreshes its record (last seen, agent version, presented certificate).
     *
     * @throws IllegalArgumentException a malformed computer name or agent version (Japanese message)
     * @throws TooManyTerminalsException a new computer name when the facility has the maximum already
     */
    @Transactional
    public TerminalRecord register(String institutionCode, String computerName, String agentVersion,
                                   X509Certificate certificate) {
        ComputerNames.require(computerName);
        if (agentVersion == null || agentVersion.isBlank() || agentVersion.length() > 40) {
            throw new IllegalArgumentException("配信アプリケーションのバージョン（agentVersion）を40文字以内で指定してください");
        }
        OffsetDateTime now = now();
        String serial = serialOf(certificate);
        OffsetDateTime notAfter = utc(certificate.getNotAfter().toInstant());
        int updated = update(institutionCode, computerName, agentVersion, serial, notAfter, now);
        if (updated == 0) {
            // the facility's row lock orders concurrent registrations of one facility, so the cap holds exactly
            jdbc.sql("select institution_code from facility where institution_code = ? for update")
                    .param(institutionCode).query(String.class).optional();
            long registered = jdbc.sql("select count(*) from distribution_terminal where institution_code = ?")
                    .param(institutionCode).query(Long.class).single();
            if (registered >= maxTerminals) {
                throw new TooManyTerminalsException(maxTerminals);
            }
            try {
                jdbc.sql("insert into distribution_terminal (" + TERMINAL_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                        .params(institutionCode, computerName, agentVersion, now, now, serial, notAfter)
                        .update();
            } catch (DuplicateKeyException registeredMeanwhile) {
                update(institutionCode, computerName, agentVersion, serial, notAfter, now);
            }
        }
        return find(institutionCode, computerName).orElseThrow();
    }

    private int update(String institutionCode, String computerName, String agentVersion, String serial,
                       OffsetDateTime notAfter, OffsetDateTime now) {
        return jdbc.sql("update distribution_terminal set agent_version = ?, last_seen_at = ?, certificate_serial = ?, "
                        + "certificate_not_after = ? where institution_code = ? and computer_name = ?")
                .params(agentVersion, now, serial, notAfter, institutionCode, computerName)
                .update();
    }

    public Optional<TerminalRecord> find(String institutionCode, String computerName) {
        return jdbc.sql("select " + TERMINAL_COLUMNS + " from distribution_terminal "
                        + "where institution_code = ? and computer_name = ?")
                .params(institutionCode, computerName)
                .query(DistributionService::terminal)
                .optional();
    }

    /** The facility's terminals by computer name. */
    public List<TerminalRecord> terminals(String institutionCode) {
        return jdbc.sql("select " + TERMINAL_COLUMNS + " from distribution_terminal where institution_code = ? "
                        + "order by computer_name")
                .param(institutionCode)
                .query(DistributionService::terminal)
                .list();
    }

    /**
     * Replaces the terminal's version report.
     *
     * @throws IllegalArgumentException the terminal never registered
     */
    @Transactional
    public List<InstalledVersion> reportVersions(String institutionCode, String computerName,
                                                 List<InstalledVersion> versions) {
        if (find(institutionCode, computerName).isEmpty()) {
            throw new IllegalArgumentException("コンピューター名 " + computerName + " は配信サービスに登録されていません（先に登録してください）");
        }
        long distinct = versions.stream().map(InstalledVersion::component).distinct().count();
        if (distinct != versions.size()) {
            throw new IllegalArgumentException("同じコンポーネントが複数回報告されています");
        }
        if (versions.size() > MAX_REPORTED_COMPONENTS) {
            throw new IllegalArgumentException("報告できるコンポーネントは" + MAX_REPORTED_COMPONENTS + "件までです");
        }
        OffsetDateTime now = now();
        jdbc.sql("delete from distribution_installed_version where institution_code = ? and computer_name = ?")
                .params(institutionCode, computerName).update();
        for (InstalledVersion v : versions) {
            PackageCoordinates checked = new PackageCoordinates(v.component(), v.version());
            if (v.previousVersion() != null) {
                new PackageCoordinates(v.component(), v.previousVersion());
            }
            jdbc.sql("insert into distribution_installed_version (institution_code, computer_name, component, version, "
                            + "previous_version, reported_at) values (?, ?, ?, ?, ?, ?)")
                    .params(institutionCode, computerName, checked.component(), checked.version(), v.previousVersion(), now)
                    .update();
        }
        return installedVersions(institutionCode, computerName);
    }

    public List<InstalledVersion> installedVersions(String institutionCode, String computerName) {
        return jdbc.sql("select component, version, previous_version, reported_at from distribution_installed_version "
                        + "where institution_code = ? and computer_name = ? order by component")
                .params(institutionCode, computerName)
                .query((rs, i) -> new InstalledVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** After a renewal: terminals that presented the old certificate are now expected to present the new one. */
    public void certificateRenewed(String institutionCode, String previousSerial, X509Certificate renewed) {
        jdbc.sql("update distribution_terminal set certificate_serial = ?, certificate_not_after = ? "
                        + "where institution_code = ? and certificate_serial = ?")
                .params(serialOf(renewed), utc(renewed.getNotAfter().toInstant()), institutionCode, previousSerial)
                .update();
    }

    static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static TerminalRecord terminal(ResultSet rs, int row) throws SQLException {
        return new TerminalRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
