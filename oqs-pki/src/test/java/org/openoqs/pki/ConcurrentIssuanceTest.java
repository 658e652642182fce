package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentIssuanceTest {
    @TempDir
    Path tmp;

    @Test
    void parallelIssuingFromTwoInstancesOfOneCaNeverReusesASerial() throws Exception {
        CertificateAuthority[] instances = {Pki.ca(tmp), Pki.ca(tmp)};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<BigInteger>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                CertificateAuthority ca = instances[i % 2];
                String code = String.format("13%08d", i);
                futures.add(pool.submit(() ->
                        ca.issueFacilityCertificate(code, Pki.FACILITY_NAME).certificate().getSerialNumber()));
            }
            Set<BigInteger> serials = new HashSet<>();
            for (Future<BigInteger> future : futures) {
                serials.add(future.get());
            }

            assertThat(serials).hasSize(30);
            assertThat(Pki.ca(tmp).issued()).hasSize(30)
                    .extracting(IssuedCertificateRecord::serial).containsExactlyInAnyOrderElementsOf(serials);
        } finally {
            pool.shutdownNow();
        }
    }
}
