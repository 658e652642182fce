package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15 end to end through the real {@code oqs demo} process and its two facilities: the clinic registers 傷病名,
 * アレルギー and 検査 for 山田 太郎 over its own mutual-TLS certificate; the hospital's {@code CIPsiquc01req} is refused
 * until the patient consents at the hospital's card reader; then it shows exactly the registered, confirmed,
 * deliverable items; a replacement upload changes what it shows and a delete removes it; and the database's audit
 * trail holds every registration and every retrieval, read after the demo stopped.
 */
class ClinsAcrossFacilitiesIT extends TwoFacilitiesDemo {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORPUS = "/org/openoqs/examples/clins/";

    @Test
    void theClinicRegistersTheHospitalSeesItOnlyWithConsentAndEveryStepIsAudited() throws Exception {
        ObjectNode allergy = corpus("drug-allergy-shaho.json");
        ObjectNode conditions = forTaro(corpus("condition-kokuho.json"), allergy, "cond-yamada");
        ObjectNode labs = forTaro(corpus("lab-kokuho.json"), allergy, "lab-yamada");
        for (ObjectNode bundle : List.of(allergy, conditions, labs)) {
            HttpResponse<String> created = register(bundle);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        String refused = hospitalClinicalInformation("before-consent");
        assertThat(refused).contains("<ResultCode>2</ResultCode>", "OQSP3101").doesNotContain("高血圧症");

        DemoProcess.Completed consented = DemoProcess.run("reader", "confirm", "--home", home.toString(),
                "--facility", "hospital", "--card", TARO.cardOptional().orElseThrow().cardId(), "--method", "face",
                "--consent", "clins");
        assertThat(consented.exitCode()).as(consented.output()).isZero();

        String shown = hospitalClinicalInformation("after-consent");
        assertThat(shown).contains("<ResultCode>1</ResultCode>", "<Name>山田　太郎</Name>", "高血圧症", "2型糖尿病",
                "HbA1c(NGSP)", "クレアチニン", "<ItemCount>5</ItemCount>")
                .as("a suspected disease (unconfirmed) is stored but never shown").doesNotContain("胃癌");
        assertThat(shown).contains("<InstitutionCode>" + props.getProperty("institution.code") + "</InstitutionCode>");

        // replacement: the clinic's next upload under the same identifier no longer has 高血圧症
        ObjectNode replacement = conditions.deepCopy();
        ArrayNode entries = (ArrayNode) replacement.get("entry");
        entries.remove(1);
        HttpResponse<String> replaced = register(replacement);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).contains("replaced");
        assertThat(hospitalClinicalInformation("after-replacement")).contains("2型糖尿病", "<ItemCount>4</ItemCount>")
                .doesNotContain("高血圧症");

        // delete: a Patient-only Bundle with the identifier
        ObjectNode delete = conditions.deepCopy();
        ArrayNode onlyPatient = JSON.createArrayNode().add(delete.get("entry").get(0));
        delete.set("entry", onlyPatient);
        HttpResponse<String> deleted = register(delete);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("deleted");
        assertThat(hospitalClinicalInformation("after-delete")).contains("<ItemCount>3</ItemCount>", "クレアチニン")
                .doesNotContain("2型糖尿病");

        stopDemo(); // the audit trail is read from the stopped demo's database
        List<String> registrations = DemoFacilities.audited(home, "CLINS_REGISTRATION", props.getProperty("institution.code"));
        assertThat(registrations).hasSize(5);
        assertThat(String.join("\n", registrations)).contains("CREATED type=AllergyIntolerance", "CREATED type=Observation", "REPLACED type=Condition entries=2", "DELETED type=Condition");
        List<String> retrievals = DemoFacilities.audited(home, "MEDICAL_INFORMATION", props.getProperty("hospital.institution.code"));
        assertThat(retrievals).filteredOn(o -> o.contains("CIPsiquc01") || o.contains("OQSP3101")).hasSize(4);
        assertThat(retrievals).anyMatch(o -> o.contains("OQSP3101"));
    }

    /** A corpus Bundle, turned into 山田 太郎's: his Patient resource (from the allergy Bundle) and a new identifier. */
    private static ObjectNode forTaro(ObjectNode bundle, ObjectNode taros, String name) {
        ((ObjectNode) bundle.get("entry").get(0)).set("resource", taros.get("entry").get(0).get("resource").deepCopy());
        ((ObjectNode) bundle.get("identifier")).put("value", props.getProperty("institution.code") + "^2026^" + name);
        return bundle;
    }

    private static ObjectNode corpus(String file) throws IOException {
        try (InputStream in = ClinsAcrossFacilitiesIT.class.getResourceAsStream(CORPUS + file)) {
            assertThat(in).as(file).isNotNull();
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static HttpResponse<String> register(ObjectNode bundle) throws Exception {
        return clinic.send(HttpRequest.newBuilder(URI.create(props.getProperty("api.url")).resolve("/api/v1/clins/bundles"))
                .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(bundle))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The hospital's レセコン asks for 山田 太郎's 電子カルテ情報 through its own req folder. */
    private static String hospitalClinicalInformation(String id) throws Exception {
        var q = TARO.qualifications().get(0);
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("hospital.institution.code") + "</MedicalInstitutionCode><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber><InsuranceCardSymbol>" + q.insuredCardSymbol()
                + "</InsuranceCardSymbol><InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber><BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>"
                + "<ArbitraryFileIdentifier>" + id + "</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>2</FileCategory></MessageBody></XmlMsg>";
        Folders.drop(Path.of(props.getProperty("hospital.req.dir")), "CIPsiquc01req_" + id + ".xml",
                request.getBytes(StandardCharsets.UTF_8));
        Path res = Path.of(props.getProperty("hospital.res.dir")).resolve("CIPsiquc01res_" + id + ".xml");
        return new String(Folders.awaitFile(res, Duration.ofSeconds(30)), StandardCharsets.UTF_8);
    }
}
