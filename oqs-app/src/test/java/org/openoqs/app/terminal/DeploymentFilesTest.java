package org.openoqs.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped systemd and Samba files keep the seed's rules (docs/linkage.md §7). */
class DeploymentFilesTest {

    static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void theDailyRestartAvoidsThePeakAndMinutesEndingInZeroOrFive() throws Exception {
        String timer = Files.readString(DEPLOY.resolve("systemd/oqs-terminal-restart.timer"));
        Matcher m = Pattern.compile("(?m)^OnCalendar=\\*-\\*-\\* (\\d{2}):(\\d{2}):00$").matcher(timer);
        assertThat(m.find()).as("a daily OnCalendar").isTrue();
        LocalTime at = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        assertThat(at.isBefore(LocalTime.of(3, 50)) || at.isAfter(LocalTime.of(4, 10)))
                .as("outside 3:50–4:10: " + at).isTrue();
        assertThat(at.getMinute() % 5).as("minute not ending in 0 or 5: " + at).isNotZero();
        assertThat(at.isBefore(LocalTime.of(8, 0))).as("before business hours").isTrue();
        assertThat(Pattern.compile("(?m)^RandomizedDelaySec").matcher(timer).find()).isFalse();
    }

    @Test
    void theServiceRestartsOnFailureButNotOnConfigurationErrors() throws Exception {
        String unit = Files.readString(DEPLOY.resolve("systemd/oqs-terminal.service"));
        assertThat(unit).contains("Restart=on-failure", "RestartPreventExitStatus=" + RunCommand.EX_CONFIG,
                "terminal run --home");
    }

    @Test
    void sambaExportsReqResFaceButNeverTheTerminalHome() throws Exception {
        String smb = Files.readString(DEPLOY.resolve("samba/smb.conf.example"));
        assertThat(smb).contains("[OQS]", "[REQ]", "[RES]", "[FACE]", "valid users = ONSRenkei");
        assertThat(Pattern.compile("(?m)^\\s*path = .*terminal").matcher(smb).find()).isFalse();
        assertThat(Pattern.compile("(?m)^\\s*path = .*work").matcher(smb).find()).isFalse();
    }
}
