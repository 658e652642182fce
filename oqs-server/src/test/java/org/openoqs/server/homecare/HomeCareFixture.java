package org.openoqs.server.homecare;

import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.homecare.HomeCareResults;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** Facilities of their own on the shared server, consents given as a card confirmation would, and the API calls. */
final class HomeCareFixture {

    private static final AtomicInteger NEXT = new AtomicInteger();
    static final SharedServer SHARED = SharedServer.get();

    private HomeCareFixture() {
    }

    record Facility(String code, HttpClient client) {
    }

    static Facility clinic() {
        String code = CheckDigit.complete("28166" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(code, "居宅テスト " + code);
        return new Facility(code, SHARED.pki().client(SHARED.pki().issueFacility(code)));
    }

    static String personId(String persona) {
        return Personas.byKey(persona).orElseThrow().person().personId();
    }

    /** What a card confirmation for {@code treatment} records: the 居宅同意 and the chosen viewing consents. */
    static void consent(String facility, String persona, MedicalTreatmentFlag treatment, LocalDateTime at,
            ConsentCategory... viewing) {
        SHARED.server().bean(HomeCareConsentStore.class).recordGiven(facility, personId(persona), treatment, at, null);
        List<ConsentRecord> records = new ArrayList<>();
        for (ConsentCategory c : viewing) {
            records.add(new ConsentRecord(facility, personId(persona), c, treatment, at, ConsentRules.availableUntil(treatment, at)));
        }
        SHARED.server().bean(ConsentService.class).record(records, null, "face");
    }

    /** The re-inquiry message for a persona's own numbers. */
    static String request(String facility, String persona, String flag) {
        Persona p = Personas.byKey(persona).orElseThrow();
        QualificationConfirmSearchInfo s = p.inquiry();
        XmlNode tree = QualificationMessages.requestToXml(new QualificationInquiryRequest(
                new RequestHeader("20260401", facility, "HC-" + persona), s));
        return JsonMirror.toJson(flag == null ? tree : withFlag(tree, flag));
    }

    private static XmlNode withFlag(XmlNode root, String flag) {
        XmlNode body = root.child("MessageBody").orElseThrow();
        XmlNode search = body.child("QualificationConfirmSearchInfo").orElseThrow();
        List<XmlNode> searchChildren = new ArrayList<>(search.children());
        searchChildren.add(XmlNode.leaf("MedicalTreatmentFlag", flag));
        XmlNode newBody = XmlNode.element("MessageBody", XmlNode.element(search.name(), searchChildren));
        return XmlNode.element(root.name(), root.child("MessageHeader").orElseThrow(), newBody);
    }

    static Api.Response inquire(Facility f, String setting, String json) throws Exception {
        return Api.post(f.client(), SHARED.base(), "api/v1/home-care/" + setting + "/inquiry", json);
    }

    static Api.Response cancel(Facility f, String setting, String json) throws Exception {
        return Api.post(f.client(), SHARED.base(), "api/v1/home-care/" + setting + "/cancellations", json);
    }

    static HomeCareResults.Block block(Api.Response r) {
        return HomeCareResults.read(JsonMirror.fromJson(r.body())).orElseThrow(
                () -> new AssertionError("no HomeCareConsentInfo in " + r.body()));
    }
}
