package org.openoqs.core.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B: every test vector (8 digits, T0 = 0, X = 30) for SHA1, SHA256 and SHA512. */
class TotpRfc6238VectorsTest {

    static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
            "59,          0000000000000001, HmacSHA1,   94287082",
            "59,          0000000000000001, HmacSHA256, 46119246",
            "59,          0000000000000001, HmacSHA512, 90693936",
            "1111111109,  00000000023523EC, HmacSHA1,   07081804",
            "1111111109,  00000000023523EC, HmacSHA256, 68084774",
            "1111111109,  00000000023523EC, HmacSHA512, 25091201",
            "1111111111,  00000000023523ED, HmacSHA1,   14050471",
            "1111111111,  00000000023523ED, HmacSHA256, 67062674",
            "1111111111,  00000000023523ED, HmacSHA512, 99943326",
            "1234567890,  000000000273EF07, HmacSHA1,   89005924",
            "1234567890,  000000000273EF07, HmacSHA256, 91819424",
            "1234567890,  000000000273EF07, HmacSHA512, 93441116",
            "2000000000,  0000000003F940AA, HmacSHA1,   69279037",
            "2000000000,  0000000003F940AA, HmacSHA256, 90698825",
            "2000000000,  0000000003F940AA, HmacSHA512, 38618901",
            "20000000000, 0000000027BC86AA, HmacSHA1,   65353130",
            "20000000000, 0000000027BC86AA, HmacSHA256, 77737706",
            "20000000000, 0000000027BC86AA, HmacSHA512, 47863826"})
    void theAppendixBValues(long unixSeconds, String stepHex, String algorithm, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.hotp(seed(algorithm), step, 8, algorithm)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "T={0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void theSixDigitSha1CodeTheServiceUsesIsTheLastSixDigitsOfTheVector(long unixSeconds, String expected) {
        assertThat(Totp.code(SEED_SHA1, Totp.step(Instant.ofEpochSecond(unixSeconds)))).isEqualTo(expected);
    }

    private static byte[] seed(String algorithm) {
        return switch (algorithm) {
            case "HmacSHA1" -> SEED_SHA1;
            case "HmacSHA256" -> SEED_SHA256;
            default -> SEED_SHA512;
        };
    }
}
