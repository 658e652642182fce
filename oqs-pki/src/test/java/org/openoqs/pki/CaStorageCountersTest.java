package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial and CRL-number counters of the CA directory and the index they are checked against. */
class CaStorageCountersTest {
    @TempDir
    Path tmp;

    @Test
    void serialsCountUpFromARandomStartAndAreWrittenAsHex() throws Exception {
        CaStorage storage = CaStorage.open(tmp.resolve("ca"));

        BigInteger first = storage.locked(storage::takeNextSerial);
        BigInteger second = storage.locked(storage::takeNextSerial);

        assertThat(first.bitLength()).as("random 49-bit start").isEqualTo(49);
        assertThat(second).isEqualTo(first.add(BigInteger.ONE));
        assertThat(Files.readString(storage.resolve(CaStorage.SERIAL_FILE)).strip())
                .isEqualTo(Serials.format(second.add(BigInteger.ONE)));
    }

    @Test
    void aSerialFileRestoredFromAnOldBackupNeverHandsOutAnIndexedSerialAgain() throws Exception {
        CaStorage storage = CaStorage.open(tmp.resolve("ca"));
        BigInteger issued = BigInteger.valueOf(0x2000);
        storage.locked(() -> {
            storage.put(new IssuedCertificateRecord(issued, "CN=1312345678,O=x,C=JP", CertificateKind.FACILITY,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), null, null));
            return null;
        });
        Files.writeString(storage.resolve(CaStorage.SERIAL_FILE), "1000\n", StandardCharsets.US_ASCII);

        BigInteger next = storage.locked(() -> {
            storage.reloadIndex();
            return storage.takeNextSerial();
        });

        assertThat(next).isEqualTo(issued.add(BigInteger.ONE));
    }

    @Test
    void crlNumbersCountFromOne() throws Exception {
        CaStorage storage = CaStorage.open(tmp.resolve("ca"));

        assertThat(storage.locked(storage::takeNextCrlNumber)).isEqualTo(BigInteger.ONE);
        assertThat(storage.locked(storage::takeNextCrlNumber)).isEqualTo(BigInteger.TWO);
        assertThat(Files.readString(storage.resolve(CaStorage.CRL_NUMBER_FILE)).strip()).isEqualTo("3");
    }

    @Test
    void aCounterThatIsNoHexNumberIsNamed() throws Exception {
        CaStorage storage = CaStorage.open(tmp.resolve("ca"));
        Files.writeString(storage.resolve(CaStorage.CRL_NUMBER_FILE), "twelve\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> storage.locked(storage::takeNextCrlNumber))
                .isInstanceOf(CertificateAuthorityException.class)
                .hasMessageContaining(CaStorage.CRL_NUMBER_FILE)
                .hasMessageContaining("does not hold a hex number");
    }

    @Test
    void aRecordWrittenByOneInstanceIsSeenByAnotherWithoutARestart() throws Exception {
        CaStorage writer = CaStorage.open(tmp.resolve("ca"));
        CaStorage reader = CaStorage.open(tmp.resolve("ca"));
        assertThat(reader.read(reader::records)).isEmpty();

        writer.locked(() -> {
            writer.put(new IssuedCertificateRecord(BigInteger.TEN, "CN=a,O=b,C=JP", CertificateKind.SERVER,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), null, null));
            return null;
        });

        assertThat(reader.read(reader::records)).extracting(IssuedCertificateRecord::serial)
                .containsExactly(BigInteger.TEN);
    }
}
