package org.openoqs.terminal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clock.ntp against a real NTP exchange over UDP: a local NTP server (this test) answers with its clock; the terminal's
 * clock is shifted to make it skewed.
 */
class NtpClockCheckTest {
    @TempDir
    Path tmp;

    DatagramSocket socket;
    Thread server;

    @BeforeEach
    void startNtpServer() throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server = new Thread(this::answer, "test-ntp-server");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void stop() {
        socket.close();
    }

    private void answer() {
        byte[] buffer = new byte[48];
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                socket.receive(request);
                NtpV3Packet in = new NtpV3Impl();
                in.setDatagramPacket(request);
                NtpV3Impl out = new NtpV3Impl();
                out.setMode(NtpV3Packet.MODE_SERVER);
                out.setVersion(NtpV3Packet.VERSION_3);
                out.setStratum(2);
                out.setOriginateTimeStamp(in.getTransmitTimeStamp());
                out.setReceiveTimeStamp(TimeStamp.getCurrentTime());
                out.setTransmitTime(TimeStamp.getCurrentTime());
                DatagramPacket reply = out.getDatagramPacket();
                reply.setAddress(request.getAddress());
                reply.setPort(request.getPort());
                socket.send(reply);
            } catch (Exception closed) {
                return;
            }
        }
    }

    private Finding checkWithClockShiftedBy(Duration shift) {
        TerminalSetup setup = Homes.setup(tmp, Optional.of("127.0.0.1:" + socket.getLocalPort()), Optional.empty(),
                Optional.empty(), Optional.empty(), Homes.shifted(shift));
        return Homes.run(new NtpClockCheck(), setup);
    }

    @Test
    void synchronisedClockPasses() {
        Finding finding = checkWithClockShiftedBy(Duration.ZERO);

        assertThat(finding.status()).as(finding.message()).isEqualTo(Verdict.OK);
        assertThat(finding.message()).contains("同期しています");
    }

    @Test
    void clockFiveMinutesAheadFails() {
        Finding finding = checkWithClockShiftedBy(Duration.ofMinutes(5));

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("+300.0 秒").contains("ずれています");
    }

    @Test
    void clockTenSecondsBehindIsAWarning() {
        Finding finding = checkWithClockShiftedBy(Duration.ofSeconds(-10));

        assertThat(finding.status()).isEqualTo(Verdict.WARN);
        assertThat(finding.message()).contains("-10.0 秒");
    }

    @Test
    void unresolvableServerFailsWithTheSeedsWording() {
        TerminalSetup setup = Homes.setup(tmp, Optional.of("ntp.invalid"), Optional.empty(), Optional.empty(),
                Optional.empty(), Homes.shifted(Duration.ZERO));

        Finding finding = Homes.run(new NtpClockCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("ピアは解決されていません");
    }

    @Test
    void noNtpServerConfiguredIsSkipped() {
        TerminalSetup setup = Homes.setup(tmp, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Homes.shifted(Duration.ZERO));

        assertThat(Homes.run(new NtpClockCheck(), setup).status()).isEqualTo(Verdict.SKIP);
    }
}
