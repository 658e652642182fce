package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.ClinsBundleService;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result of a 6情報 registration or delete request (openoqs's layout, docs/clins.md "Registration through req"):
 * the header of every result ({@code ResultCode} 1 accepted, 2 refused — then with the first problem's
 * {@code ErrorCode} / {@code ErrorMessage}) and a body with {@code Outcome} (created, replaced, deleted),
 * {@code BundleIdentifier}, {@code ResourceType}, {@code EntryCount}, or on a refusal {@code Problems/Problem} with
 * {@code ErrorCode}, {@code Location} (FHIRPath) and {@code Message} for each issue of the service's OperationOutcome.
 */
final class ClinsBundleResult {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String institutionCode;
    private final Supplier<CharacterCode> characterCode;
    private final Clock clock;

    ClinsBundleResult(String institutionCode, Supplier<CharacterCode> characterCode, Clock clock) {
        this.institutionCode = institutionCode;
        this.characterCode = characterCode;
        this.clock = clock;
    }

    XmlNode of(XmlNode request, ClinsBundleService.Answer answer) {
        String fileId = request.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text).orElse(null);
        JsonNode body = json(answer.body());
        if (answer.accepted()) {
            return XmlNode.element("XmlMsg", header(fileId, "1").build(), XmlNode.builder("MessageBody")
                    .leaf("Outcome", body.path("outcome").asString("deleted"))
                    .leaf("BundleIdentifier", body.path("identifier").asString(deletedIdentifier(request)))
                    .leaf("ResourceType", body.path("resourceType").asString(null))
                    .leaf("EntryCount", body.has("entries") ? body.path("entries").asString() : null).build());
        }
        if (body.path("issue").isEmpty()) { // a refusal that is not about the Bundle (the service's own error body)
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED, "HTTP " + answer.status());
        }
        XmlNode.Builder problems = XmlNode.builder("Problems");
        for (JsonNode issue : body.path("issue")) {
            problems.child("Problem", p -> p
                    .leaf("ErrorCode", issue.path("details").path("coding").path(0).path("code").asString(""))
                    .leaf("Location", issue.path("expression").path(0).asString(""))
                    .leaf("Message", issue.path("details").path("text").asString("")));
        }
        JsonNode first = body.path("issue").path(0);
        XmlNode.Builder header = header(fileId, "2")
                .leaf("ErrorCode", first.path("details").path("coding").path(0).path("code").asString(""))
                .leaf("ErrorMessage", first.path("details").path("text").asString(""));
        return XmlNode.element("XmlMsg", header.build(), XmlNode.builder("MessageBody").child(problems.build()).build());
    }

    /** A delete is answered 204 without a body: the identifier is the request's. */
    private static String deletedIdentifier(XmlNode request) {
        return request.path("MessageBody", "BundleIdentifier").map(XmlNode::text).map(String::strip).orElse("");
    }

    private XmlNode.Builder header(String fileId, String resultCode) {
        return XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", LocalDateTime.now(clock).format(STAMP))
                .leaf("MedicalInstitutionCode", institutionCode)
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("SegmentOfResult", "1".equals(resultCode) ? "1" : "9")
                .leaf("CharacterCodeIdentifier", characterCode.get().code())
                .leaf("ResultCode", resultCode);
    }

    /** The service's JSON answer ({@code {}} for an empty 204); anything else is an invalid answer. */
    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw CentralServiceHttp.invalidResponse();
        }
    }
}
