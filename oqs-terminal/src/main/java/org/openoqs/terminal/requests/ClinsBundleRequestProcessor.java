package org.openoqs.terminal.requests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.eps.EpsMessages;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.ClinsBundleService;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * 電子カルテ情報 6情報 registration through the {@code req} folder, under openoqs's own names (docs/clins.md
 * "Registration through req": the official layouts are not public). {@code CIPsibrg01req_<id>.xml} carries one
 * JP_Bundle_CLINS as FHIR JSON text in {@code MessageBody/FhirBundle} and goes to the service exactly as
 * {@code POST /api/v1/clins/bundles} would send it; {@code CIPsibdl01req_<id>.xml} names a Bundle in
 * {@code MessageBody/BundleIdentifier} to delete. The answer {@code <prefix>res_<id>.xml} ({@link ClinsBundleResult})
 * carries the Bundle identifier, or every problem of the service's OperationOutcome with its code and FHIRPath.
 * A file that is not a request of this facility (the header, as for 電子処方箋) or has no body to send is a
 * file-level error and never reaches the service.
 */
public final class ClinsBundleRequestProcessor implements RequestProcessor {

    private final RequestType type;
    private final String institutionCode;
    private final ClinsBundleService bundles;
    private final ClinsBundleResult results;
    private final XmlRequestFrame frame;

    public ClinsBundleRequestProcessor(RequestType type, String institutionCode, ClinsBundleService bundles,
            XmlDocumentReader reader, ErrorResultWriter errors, Clock clock) {
        if (type != RequestType.CLINS_BUNDLE_REGISTER && type != RequestType.CLINS_BUNDLE_DELETE) {
            throw new IllegalArgumentException("not a CLINS Bundle request: " + type);
        }
        this.type = type;
        this.institutionCode = institutionCode;
        this.bundles = bundles;
        this.results = new ClinsBundleResult(institutionCode, errors::characterCode, clock);
        this.frame = new XmlRequestFrame(reader, errors);
    }

    /** Registers both requests. */
    public static void addTo(Map<RequestType, RequestProcessor> processors, String institutionCode,
            ClinsBundleService bundles, XmlDocumentReader reader, ErrorResultWriter errors, Clock clock) {
        for (RequestType t : new RequestType[] {RequestType.CLINS_BUNDLE_REGISTER, RequestType.CLINS_BUNDLE_DELETE}) {
            processors.put(t, new ClinsBundleRequestProcessor(t, institutionCode, bundles, reader, errors, clock));
        }
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        return frame.process(request, this::answer);
    }

    private XmlNode answer(XmlNode request) {
        EpsMessages.fileLevelViolation(request, institutionCode).ifPresent(v -> {
            throw new InputRejectedException(v.code(), v.detail() != null ? v.detail() : v.field());
        });
        XmlNode body = EpsMessages.body(request);
        ClinsBundleService.Answer answer = type == RequestType.CLINS_BUNDLE_REGISTER
                ? bundles.register(required(body, "FhirBundle", ErrorCode.CLINS_REQUEST_BUNDLE_MISSING)
                        .getBytes(StandardCharsets.UTF_8))
                : bundles.delete(required(body, "BundleIdentifier", ErrorCode.CLINS_REQUEST_IDENTIFIER_MISSING).strip());
        return results.of(request, answer);
    }

    private static String required(XmlNode body, String element, ErrorCode missing) {
        String text = body.text(element).orElse("");
        if (text.isBlank()) {
            throw new InputRejectedException(missing, element);
        }
        return text;
    }
}
