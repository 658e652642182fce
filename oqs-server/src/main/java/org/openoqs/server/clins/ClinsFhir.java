package org.openoqs.server.clins;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * The service's one HAPI FHIR R4 context (building one scans the model classes, seconds on this machine, so it is
 * made once) and its parsers. Parsing is strict: an unknown element, a value of the wrong type or an impossible date
 * is an error, not a warning in a log nobody reads. Parsers are cheap and not thread-safe: one per call.
 */
@Component
public class ClinsFhir {

    private final FhirContext context;

    public ClinsFhir() {
        context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
    }

    public FhirContext context() {
        return context;
    }

    /** @throws ca.uhn.fhir.parser.DataFormatException when the JSON is not an R4 Bundle */
    public Bundle parseBundle(String json) {
        return parser().parseResource(Bundle.class, json);
    }

    public IParser parser() {
        return context.newJsonParser();
    }
}
