package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIN lock and the issuing office's unlock through the real {@code oqs demo} process (docs/card-path.md, "PIN
 * lock and unlock"): three wrong PINs lock the card on the reader, {@code oqs card unlock} (office certificate, office
 * API) records the signed reset, and the card — reading the reset with its next challenge — takes the right PIN again.
 * One demo for the class; each test uses its own card.
 */
class CardPinUnlockIT {

    @TempDir
    static Path home;
    static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    @Test
    void threeWrongPinsLockTheCardAndTheOfficeUnlockLetsTheRightPinThrough() throws Exception {
        String card = "P000000000000001"; // shaho-honnin: valid qualification, right PIN 0001
        assertThat(reader(card, "9999").exitCode()).isEqualTo(3);
        assertThat(reader(card, "9998").exitCode()).isEqualTo(3);
        DemoProcess.Completed locked = reader(card, "9997");
        assertThat(locked.exitCode()).as(locked.output()).isEqualTo(4);
        assertThat(locked.output()).contains("OQSP3003");
        assertThat(reader(card, "0001").exitCode()).as("locked: the right PIN does not help yet").isEqualTo(4);
        assertThat(card("status", "--card", card).output()).contains("暗証番号ロック中（PIN_LOCKED）");

        DemoProcess.Completed unlock = card("unlock", "--card", card, "--operator", "窓口 太郎");

        assertThat(unlock.exitCode()).as(unlock.output()).isZero();
        assertThat(unlock.output()).contains("カード " + card + " の暗証番号ロックを解除しました", "第1回");
        DemoProcess.Completed status = card("status", "--card", card);
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("利用可能（ACTIVE）", "暗証番号の再設定 1回");
        DemoProcess.Completed right = reader(card, "0001");
        assertThat(right.exitCode()).as(right.output()).isZero();
        Path face = Path.of(right.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(Files.readString(face, StandardCharsets.UTF_8)).contains("<Name>山田　太郎</Name>");
        // the counter started again: a wrong PIN now leaves two tries, not a lock
        assertThat(reader(card, "9999").output()).contains("残り2回");
    }

    @Test
    void cardRegisteredAsLockedIsUnlockedToo() throws Exception {
        String card = "P000000000000003"; // card-pin-locked: the card comes to the reader locked
        assertThat(reader(card, "0003").exitCode()).isEqualTo(4);

        assertThat(card("unlock", "--card", card).exitCode()).isZero();

        DemoProcess.Completed right = reader(card, "0003");
        assertThat(right.exitCode()).as(right.output()).isZero();
        assertThat(Files.readString(Path.of(right.output().strip()), StandardCharsets.UTF_8)).contains("吉田　美穂");
    }

    @Test
    void unknownCardAndCardsThatNeedANewCertificateAreRefused() throws Exception {
        DemoProcess.Completed unknown = card("unlock", "--card", "P000000000000999");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.output()).contains("OQSP3001");
        DemoProcess.Completed expired = card("unlock", "--card", "P000000000000004");
        assertThat(expired.exitCode()).isEqualTo(4);
        assertThat(expired.output()).contains("OQSP3006", "電子証明書の発行が必要");
    }

    @Test
    void facilityCertificateCannotUnlock(@TempDir Path impostor) throws Exception {
        // the demo home as a facility would have it: the office's entries point at the facility's own certificate
        Properties props = demo.properties();
        props.setProperty("office.p12", props.getProperty("client.p12"));
        props.setProperty("office.p12.password", props.getProperty("client.p12.password"));
        try (Writer w = Files.newBufferedWriter(impostor.resolve("demo.properties"), StandardCharsets.UTF_8)) {
            props.store(w, null);
        }

        DemoProcess.Completed refused = DemoProcess.run("card", "unlock", "--home", impostor.toString(),
                "--card", "P000000000000002");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(5);
        assertThat(refused.output()).contains("OQSF9002", "発行窓口の証明書ではありません");
        assertThat(card("status", "--card", "P000000000000002").output()).contains("暗証番号の再設定 0回");
    }

    @Test
    void demoNotRunningIsSaidPlainly(@TempDir Path empty) throws Exception {
        DemoProcess.Completed done = DemoProcess.run("card", "status", "--home", empty.toString(), "--card",
                "P000000000000001");

        assertThat(done.exitCode()).isEqualTo(9);
        assertThat(done.output()).contains("デモが起動していません");
    }

    private static DemoProcess.Completed reader(String card, String pin) throws Exception {
        return DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card", card, "--method", "pin",
                "--pin", pin);
    }

    private static DemoProcess.Completed card(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("card", args[0], "--home", home.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return DemoProcess.run(all.toArray(String[]::new));
    }
}
