package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The examples of docs/openapi.yaml are what the real service answers: the inquiry examples are sent over mutual TLS
 * with the demo facility's certificate and come back with the documented status, valid against the documented
 * schema and equal to the documented answer (times aside); every parameterless GET answers 200 in a documented
 * media type and schema; certificate refusals look as documented.
 */
class OpenApiExamplesAgainstServerTest {

    private static final String INQUIRY = "/api/v1/qualifications/inquiry";
    /** Facts that change with the clock or with what other tests did to the shared service's demo facility. */
    private static final Pattern VOLATILE = Pattern.compile(
            "(SpecificHealthCheckupsInfo|PharmacistsInfo|DiagnosisInfo|OperationInfo|DiagnosisName|InfectiousInfo"
                    + "|AllergyInfo|ContraindicationInfo|TestInfo|PrescriptionInfo)(ConsFlg|ConsTime|AvailableTime)"
                    + "|ReferenceNumber");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenApiDocument document = OpenApiDocument.load();
    private final SharedServer shared = SharedServer.get();

    @Test
    void inquiryExamplesGetTheDocumentedAnswers() throws Exception {
        OpenApiDocument.Operation inquiry = document.operation("POST", INQUIRY);
        JsonNode examples = inquiry.node().at("/requestBody/content/application~1json/examples");
        int sent = 0;
        for (Map.Entry<String, JsonNode> example : examples.properties()) {
            String status = statusDocumenting(inquiry, example.getKey());
            JsonNode documented = document.deref(inquiry.node().path("responses").path(status))
                    .at("/content/application~1json/examples/" + example.getKey() + "/value");

            Api.Response r = Api.post(shared.demoClient(), shared.base(), INQUIRY.substring(1),
                    JSON.writeValueAsString(example.getValue().path("value")));

            assertThat(r.status()).as("status of example %s", example.getKey()).isEqualTo(Integer.parseInt(status));
            assertThat(r.contentType()).startsWith("application/json");
            assertValid(inquiry, status, r.json(), example.getKey());
            assertThat(stable(r.json())).as("answer to example %s", example.getKey()).isEqualTo(stable(documented));
            sent++;
        }
        assertThat(sent).as("inquiry examples sent").isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyParameterlessGetAnswersInItsDocumentedShape() throws Exception {
        int called = 0;
        for (OpenApiDocument.Operation op : document.operations()) {
            if (!op.method().equals("GET") || op.path().contains("{") || op.node().has("security")) {
                continue;
            }
            Api.Response r = Api.get(shared.demoClient(), shared.base(), op.path().substring(1));

            assertThat(r.status()).as("%s", op).isEqualTo(200);
            List<String> mediaTypes = OpenApiDocument.names(document.deref(op.node().at("/responses/200")).path("content"));
            assertThat(mediaTypes).as("media type of %s", op).anyMatch(t -> r.contentType().startsWith(t));
            if (r.contentType().startsWith("application/json")) {
                assertValid(op, "200", r.json(), op.toString());
            }
            called++;
        }
        assertThat(called).as("GET operations called").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theDemoFacilityLooksAsDocumented() throws Exception {
        for (String path : List.of("/api/v1/facility", "/api/v1/eps/reader-settings")) {
            OpenApiDocument.Operation op = document.operation("GET", path);
            JsonNode documented = op.node().at("/responses/200/content/application~1json/examples/demoClinic/value");

            Api.Response r = Api.get(shared.demoClient(), shared.base(), path.substring(1));

            assertThat(r.json()).as("%s", op).isEqualTo(documented);
        }
    }

    @Test
    void certificateRefusalsLookAsDocumented() throws Exception {
        JsonNode noCertificate = document.tree()
                .at("/components/responses/CertificateRefused/content/application~1json/examples/noCertificate/value");
        Api.Response anonymous = Api.get(shared.pki().anonymousClient(), shared.base(), "api/v1/time");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json()).isEqualTo(noCertificate);

        HttpClient office = shared.pki().client(shared.pki().ca().issueOfficeCertificate("990019", "オープン市（試験）交付窓口"));
        JsonNode officeOnTerminalApi = document.tree()
                .at("/components/responses/CertificateForbidden/content/application~1json/examples/officeCertificate/value");
        Api.Response refused = Api.get(office, shared.base(), "api/v1/time");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).isEqualTo(officeOnTerminalApi);

        JsonNode facilityOnOfficeApi = document.tree()
                .at("/components/responses/NotAnOfficeCertificate/content/application~1json/examples/facilityCertificate/value");
        Api.Response notOffice = Api.get(shared.demoClient(), shared.base(), "api/v1/office/cards/P000000000000001");
        assertThat(notOffice.status()).isEqualTo(403);
        assertThat(notOffice.json()).isEqualTo(facilityOnOfficeApi);
    }

    /** The response status whose documented examples include one of this name. */
    private String statusDocumenting(OpenApiDocument.Operation op, String exampleName) {
        for (Map.Entry<String, JsonNode> response : op.node().path("responses").properties()) {
            if (!document.deref(response.getValue()).at("/content/application~1json/examples/" + exampleName).isMissingNode()) {
                return response.getKey();
            }
        }
        throw new AssertionError(op + ": no response documents the answer to example " + exampleName);
    }

    private void assertValid(OpenApiDocument.Operation op, String status, JsonNode body, String what) {
        List<Error> errors = document.validate(document.responseSchemaPointer(op, status, "application/json"), body);
        assertThat(errors).as("%s %s answer validated against the documented schema: %s", op, what, body).isEmpty();
    }

    /** A copy without what depends on the clock or on other tests: times are blanked, consent flags dropped. */
    private static JsonNode stable(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                if (VOLATILE.matcher(name).matches()) {
                    object.remove(name);
                } else if (name.endsWith("Time") && object.get(name).isString()) {
                    object.put(name, "<time>");
                } else {
                    strip(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(OpenApiExamplesAgainstServerTest::strip);
        }
    }
}
