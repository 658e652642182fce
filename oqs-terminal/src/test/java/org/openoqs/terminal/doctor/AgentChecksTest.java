package org.openoqs.terminal.doctor;

import org.openoqs.terminal.health.Heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.terminal.distribution.DistributionHome;

/** agent.linkage / agent.distribution: a missing, stopped or stale agent fails; a live one passes. */
class AgentChecksTest {
    @TempDir
    Path tmp;

    TerminalSetup setup() throws Exception {
        TerminalSetup setup = Homes.setup(tmp, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Homes.shifted(Duration.ZERO));
        Files.createDirectories(setup.work());
        return setup;
    }

    void health(TerminalSetup setup, String status, Instant at) throws Exception {
        Files.writeString(setup.linkageHealth(), "{\"status\":\"" + status + "\",\"at\":\"" + at
                + "\",\"problems\":[],\"requests\":{\"answered\":3}}");
    }

    @Test
    void linkageAgentIsJudgedByItsHealthFile() throws Exception {
        TerminalSetup setup = setup();
        assertThat(Homes.run(new LinkageAgentCheck(), setup).status()).as("no file").isEqualTo(Verdict.FAIL);

        health(setup, "UP", Instant.now());
        assertThat(Homes.run(new LinkageAgentCheck(), setup).status()).isEqualTo(Verdict.OK);

        health(setup, "UP", Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(Homes.run(new LinkageAgentCheck(), setup).message()).contains("応答していません");

        health(setup, "STOPPED", Instant.now());
        assertThat(Homes.run(new LinkageAgentCheck(), setup).message()).contains("停止しています");
    }

    @Test
    void distributionAgentIsJudgedByItsHeartbeat() throws Exception {
        TerminalSetup setup = setup();
        Path heartbeat = DistributionHome.of(setup.terminalHome()).heartbeat();
        assertThat(Homes.run(AgentHeartbeatCheck.distribution(), setup).status()).isEqualTo(Verdict.FAIL);

        Heartbeat.write(heartbeat, Instant.now(), Map.of("lastCycle", "OK"));
        assertThat(Homes.run(AgentHeartbeatCheck.distribution(), setup).status()).isEqualTo(Verdict.OK);

        Heartbeat.write(heartbeat, Instant.now(), Map.of("lastCycle", "FAILED DNS"));
        assertThat(Homes.run(AgentHeartbeatCheck.distribution(), setup).status()).isEqualTo(Verdict.WARN);

        Heartbeat.write(heartbeat, Instant.now().minus(Duration.ofMinutes(10)), Map.of("lastCycle", "OK"));
        assertThat(Homes.run(AgentHeartbeatCheck.distribution(), setup).message()).contains("停止しています");
    }
}
