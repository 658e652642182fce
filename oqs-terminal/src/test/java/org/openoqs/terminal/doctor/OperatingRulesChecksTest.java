package org.openoqs.terminal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restart.schedule, sleep and proxy: the seed's chapter-3 rules. */
class OperatingRulesChecksTest {
    @TempDir
    Path tmp;

    Finding restartAt(String time) {
        return Homes.run(new RestartScheduleCheck(), Homes.setup(tmp, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(time), Homes.shifted(Duration.ZERO)));
    }

    @Test
    void restartTimeMustAvoidTheBusyWindowAndMinutesEndingInZeroOrFive() {
        assertThat(restartAt("02:17").status()).isEqualTo(Verdict.OK);
        assertThat(restartAt("4:03").status()).isEqualTo(Verdict.FAIL);
        assertThat(restartAt("03:50").message()).contains("3:50〜4:10");
        assertThat(restartAt("02:15").message()).contains("末尾が 5");
        assertThat(restartAt("23:40").message()).contains("末尾が 0");
        assertThat(restartAt("25:00").message()).contains("形式");
        assertThat(restartAt(null).status()).isEqualTo(Verdict.WARN);
    }

    Finding sleep() {
        return Homes.run(new SleepCheck(), Homes.setup(tmp, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Homes.shifted(Duration.ZERO)));
    }

    @Test
    void sleepTargetsMustBeMaskedWhereSystemdIsPresent() throws Exception {
        assertThat(sleep().status()).as("no unit directory").isEqualTo(Verdict.SKIP);

        Path units = Files.createDirectories(tmp.resolve("systemd"));
        assertThat(sleep().status()).isEqualTo(Verdict.WARN);
        assertThat(sleep().fix()).contains("systemctl mask");

        for (String target : SleepCheck.TARGETS) {
            Files.createSymbolicLink(units.resolve(target), Path.of("/dev/null"));
        }
        assertThat(sleep().status()).isEqualTo(Verdict.OK);
    }

    Finding proxy(String server, String bypass) {
        return Homes.run(new ProxyCheck(), Homes.setup(tmp, Optional.empty(), Optional.ofNullable(server),
                Optional.ofNullable(bypass), Optional.empty(), Homes.shifted(Duration.ZERO)));
    }

    @Test
    void proxyMustBeWellFormedReachableAndBypassTheService() throws Exception {
        assertThat(proxy(null, null).status()).isEqualTo(Verdict.OK);
        assertThat(proxy("proxy.base.oqs-pdl.org", null).message()).contains("ホスト名:ポート番号");
        assertThat(proxy("proxy:8080", "*.onshikaku.org, *.rece").message()).contains("セミコロン");
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String server = "http://127.0.0.1:" + listening.getLocalPort();
            assertThat(proxy(server, "*.onshikaku.org;localhost").status()).isEqualTo(Verdict.OK);
            Finding notBypassed = proxy(server, "*.onshikaku.org");
            assertThat(notBypassed.status()).isEqualTo(Verdict.WARN);
            assertThat(notBypassed.fix()).contains("localhost");
        }
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThat(proxy("127.0.0.1:" + closedPort, "localhost").status()).isEqualTo(Verdict.FAIL);
    }
}
