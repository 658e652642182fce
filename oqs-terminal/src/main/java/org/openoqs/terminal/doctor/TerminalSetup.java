package org.openoqs.terminal.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the doctor looks at, as read from a terminal home ({@code terminal.properties}) or a demo home.
 * Settings of the seed's chapter 3 that live in Windows on the real terminal are properties here:
 * {@code ntp.server}, {@code proxy.server}, {@code proxy.bypass}, {@code restart.time}. docs/doctor.md.
 *
 * @param configuredInstitutionCode the code of terminal.properties / demo.properties, if any
 * @param shareConfigurations files that define network shares (Samba {@code smb.conf}, NFS {@code exports})
 * @param systemdUnitDirectory where masked sleep targets are looked for ({@code /etc/systemd/system})
 * @param localCrl a CRL file of the CA readable on this machine (the demo's CA), used when the service is down
 */
public record TerminalSetup(
        Path terminalHome,
        Optional<String> configuredInstitutionCode,
        URI serviceUri,
        Path clientPkcs12,
        char[] clientPassword,
        Path trustPkcs12,
        char[] trustPassword,
        Path exchangeRoot,
        Path req,
        Path res,
        Path face,
        Path work,
        Optional<String> ntpServer,
        Optional<String> proxyServer,
        Optional<String> proxyBypass,
        Optional<String> restartTime,
        String computerName,
        List<Path> shareConfigurations,
        Path systemdUnitDirectory,
        Optional<Path> localCrl,
        Duration timeout,
        Clock clock) {

    public TerminalSetup {
        Objects.requireNonNull(terminalHome, "terminalHome");
        Objects.requireNonNull(serviceUri, "serviceUri");
        clientPassword = clientPassword == null ? new char[0] : clientPassword.clone();
        trustPassword = trustPassword == null ? new char[0] : trustPassword.clone();
        shareConfigurations = List.copyOf(shareConfigurations);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The health file the running terminal writes every second ({@code work/health.json}, TerminalHealth). */
    public Path linkageHealth() {
        return work.resolve("health.json");
    }

    /** Same set-up seen through another clock (tests of the clock checks, the selftest). */
    public TerminalSetup withClock(Clock other) {
        return new TerminalSetup(terminalHome, configuredInstitutionCode, serviceUri, clientPkcs12, clientPassword,
                trustPkcs12, trustPassword, exchangeRoot, req, res, face, work, ntpServer, proxyServer, proxyBypass,
                restartTime, computerName, shareConfigurations, systemdUnitDirectory, localCrl, timeout, other);
    }

    @Override
    public String toString() { // never print passwords
        return "TerminalSetup[home=" + terminalHome + ", service=" + serviceUri + ", client=" + clientPkcs12 + "]";
    }
}
