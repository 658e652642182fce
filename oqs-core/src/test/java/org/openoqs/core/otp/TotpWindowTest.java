package org.openoqs.core.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** A typed code is accepted for the current step and one step either side, never further; only 6 digits. */
class TotpWindowTest {

    static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void oneStepEitherSideMatchesAndNamesTheStep() {
        long now = 58_000_000L;

        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, now), now, 1)).hasValue(now);
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, now - 1), now, 1)).hasValue(now - 1);
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, now + 1), now, 1)).hasValue(now + 1);
    }

    @Test
    void twoStepsAwayDoesNot() {
        long now = 58_000_000L;

        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, now - 2), now, 1)).isEmpty();
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, now + 2), now, 1)).isEmpty();
    }

    @Test
    void anythingButSixDigitsIsNoMatch() {
        long now = 58_000_000L;
        String code = Totp.code(KEY, now);

        assertThat(Totp.matchingStep(KEY, null, now, 1)).isEmpty();
        assertThat(Totp.matchingStep(KEY, "", now, 1)).isEmpty();
        assertThat(Totp.matchingStep(KEY, code + "0", now, 1)).isEmpty();
        assertThat(Totp.matchingStep(KEY, " " + code, now, 1)).isEmpty();
        assertThat(Totp.matchingStep(KEY, "１２３４５６", now, 1)).isEmpty();
    }

    @Test
    void theUriCarriesTheBase32SecretAndTheParameters() {
        byte[] secret = Totp.newSecret(new SecureRandom());

        String uri = Totp.otpauthUri("openoqs 病院", "I00001@0113820013", secret);

        assertThat(secret).hasSize(20);
        assertThat(uri).startsWith("otpauth://totp/openoqs%20%E7%97%85%E9%99%A2:I00001%400113820013?secret=")
                .contains("secret=" + Base32.encode(secret) + "&")
                .endsWith("&algorithm=SHA1&digits=6&period=30");
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
    }
}
