package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/openapi.yaml is a valid OpenAPI 3.1 document (swagger-parser's parser and validator report nothing), every
 * operation is described, every {@code $ref} resolves, and every example in it is valid against the schema it
 * illustrates — so a viewer or a code generator can take it as it is.
 */
class OpenApiDocumentValidityTest {

    private final OpenApiDocument document = OpenApiDocument.load();

    @Test
    void parsesAsOpenApi31WithoutAnyValidationMessage() {
        SwaggerParseResult result = parse(document.text());

        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getPaths()).isNotEmpty();
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("facilityCertificate",
                "issuingOfficeCertificate", "operatorCertificate");
        assertThat(api.getComponents().getSecuritySchemes().values()).extracting(SecurityScheme::getType)
                .containsOnly(SecurityScheme.Type.MUTUALTLS);
    }

    @Test
    void theValidatorCatchesABrokenDocument() {
        // the same check on a copy with a dangling $ref and an operation without responses: it must complain
        String broken = document.text()
                .replace("$ref: '#/components/schemas/ServerTime'", "$ref: '#/components/schemas/NoSuchSchema'")
                .replaceFirst("(?m)^      responses:\\n        '200':\\n          description: The service's time in Asia/Tokyo",
                        "      x-responses:\n        '200':\n          description: The service's time in Asia/Tokyo");

        assertThat(broken).isNotEqualTo(document.text());
        assertThat(parse(broken).getMessages()).isNotEmpty();
    }

    @Test
    void everyOperationHasAnIdASummaryAndDocumentedResponses() {
        List<String> ids = new ArrayList<>();
        for (OpenApiDocument.Operation op : document.operations()) {
            assertThat(op.node().path("operationId").asString()).as("operationId of %s", op).isNotBlank();
            assertThat(op.node().path("summary").asString()).as("summary of %s", op).isNotBlank();
            assertThat(op.node().path("tags").isArray()).as("tags of %s", op).isTrue();
            assertThat(OpenApiDocument.names(op.node().path("responses"))).as("responses of %s", op)
                    .isNotEmpty().allMatch(status -> status.matches("[1-5][0-9][0-9]"));
            ids.add(op.node().path("operationId").asString());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void noKeyIsLeftWithoutAValue() {
        // a comma inside an unquoted YAML flow mapping ({description: a, b}) silently makes a key "b" without value
        List<String> empty = new ArrayList<>();
        collectNulls(document.tree(), "", empty);
        assertThat(empty).isEmpty();
    }

    private static void collectNulls(JsonNode node, String pointer, List<String> found) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String child = pointer + "/" + e.getKey();
            if (e.getKey().equals("examples") || e.getKey().equals("example")) {
                continue; // examples show JSON null where the service sends it
            }
            if (e.getValue().isNull()) {
                found.add(child);
            }
            collectNulls(e.getValue(), child, found);
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node.values()) {
                collectNulls(item, pointer + "/" + i++, found);
            }
        }
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ExampleSite site : exampleSites(document.tree(), "")) {
            for (Map.Entry<String, JsonNode> example : site.examples().properties()) {
                JsonNode value = example.getValue().path("value");
                for (Error e : document.validate(site.schemaPointer(), value)) {
                    problems.add(site.schemaPointer() + " example " + example.getKey() + ": " + e);
                }
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("examples checked").isGreaterThan(30);
    }

    @Test
    void theSchemaValidationCatchesAnAnswerThatDrifted() {
        String pointer = "/paths/~1api~1v1~1qualifications~1inquiry/post/responses/200/content/application~1json/schema";
        JsonNode example = document.tree().at(
                "/paths/~1api~1v1~1qualifications~1inquiry/post/responses/200/content/application~1json/examples/shahoHonnin/value");
        assertThat(document.validate(pointer, example)).isEmpty();

        ObjectNode drifted = (ObjectNode) example.deepCopy();
        ObjectNode body = (ObjectNode) drifted.at("/XmlMsg/MessageBody");
        body.put("QualificationValidity", "7");
        ((ObjectNode) body.at("/ResultList/ResultOfQualificationConfirmation/0")).put("UndocumentedElement", "x");
        ((ObjectNode) drifted.at("/XmlMsg/MessageHeader")).remove("SegmentOfResult");

        assertThat(document.validate(pointer, drifted)).extracting(Error::getKeyword)
                .contains("enum", "additionalProperties", "required");
    }

    /** A JSON media type object with a schema and examples, wherever it is in the document. */
    record ExampleSite(String schemaPointer, JsonNode examples) {
    }

    private static List<ExampleSite> exampleSites(JsonNode node, String pointer) {
        List<ExampleSite> sites = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = pointer + "/" + OpenApiDocument.escape(e.getKey());
                if (e.getKey().equals("application/json") && e.getValue().has("schema") && e.getValue().has("examples")) {
                    sites.add(new ExampleSite(child + "/schema", e.getValue().get("examples")));
                }
                sites.addAll(exampleSites(e.getValue(), child));
            }
        }
        return sites;
    }

    static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }
}
