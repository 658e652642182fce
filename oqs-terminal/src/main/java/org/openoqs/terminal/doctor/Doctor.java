package org.openoqs.terminal.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code oqs doctor}: the set-up checklist of the seed, run against a terminal set-up. The order follows the seed
 * (folders and credentials, certificate, connection, clock and network, agents, distribution, operating rules);
 * docs/doctor.md maps every check to the seed's step.
 */
public final class Doctor {
    private final List<DoctorCheck> checks;

    public Doctor(List<DoctorCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check of the manual's list. */
    public static Doctor standard() {
        return new Doctor(List.of(
                new FolderLayoutCheck(),
                new WorkFolderNotSharedCheck(),
                new CredentialsCheck(),
                new CertificatePresentCheck(),
                new CertificateIssuerCheck(),
                new CertificateValidityCheck(),
                new CertificateRevocationCheck(),
                new CertificateNotSharedCheck(),
                new ServiceConnectionCheck(),
                new ServiceClockCheck(),
                new NtpClockCheck(),
                new ProxyCheck(),
                new PortsCheck(),
                new LinkageAgentCheck(),
                AgentHeartbeatCheck.distribution(),
                new DistributionConnectionCheck(),
                new DistributionRecordCheck(),
                new VersionsCheck(),
                new RestartScheduleCheck(),
                new SleepCheck()));
    }

    public List<DoctorCheck> checks() {
        return checks;
    }

    /** Runs every check; a check that throws (a bug) becomes a FAIL finding rather than ending the run. */
    public List<Finding> run(TerminalSetup setup) {
        DoctorContext context = new DoctorContext(setup);
        List<Finding> findings = new ArrayList<>();
        for (DoctorCheck check : checks) {
            try {
                findings.add(check.run(context));
            } catch (RuntimeException bug) {
                findings.add(Finding.fail(check.id(), "確認中に予期しないエラーが発生しました: " + bug,
                        "ログを添えて開発者に連絡してください。"));
            }
        }
        return findings;
    }

    public static boolean anyFailed(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.status() == Verdict.FAIL);
    }
}
