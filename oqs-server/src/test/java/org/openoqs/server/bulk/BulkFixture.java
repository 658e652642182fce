package org.openoqs.server.bulk;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.server.testsupport.SharedServer;

/** Facilities of their own on the shared server, so bulk test classes never see each other's jobs or settings. */
final class BulkFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private BulkFixture() {
    }

    record Facility(String code, HttpClient client) {
    }

    /** A new clinic (医科) with 医療扶助 on or off. */
    static Facility clinic(boolean medicalAssistance) {
        return facility('1', medicalAssistance);
    }

    /** A new pharmacy (薬局) with 医療扶助 on or off. */
    static Facility pharmacy(boolean medicalAssistance) {
        return facility('4', medicalAssistance);
    }

    private static Facility facility(char scoreTable, boolean medicalAssistance) {
        SharedServer shared = SharedServer.get();
        int n = NEXT.incrementAndGet();
        String number = String.valueOf((scoreTable == '4' ? 4000 : 1000) + n);
        String code = CheckDigit.complete("27" + scoreTable + "55" + number);
        shared.server().facilities().create(code, "一括テスト " + code);
        shared.server().facilities().setMedicalAssistance(code, medicalAssistance);
        return new Facility(code, shared.pki().client(shared.pki().issueFacility(code)));
    }
}
