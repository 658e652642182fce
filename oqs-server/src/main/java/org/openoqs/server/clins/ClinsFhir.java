package org.openoqs.server.clins;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * The service's one HAPI FHIR R4 context (building one scans the model classes, seconds on this machine, so it is
 * made once) and its parsers. Parsing is strict: an unknown element, a value of the wrong type or an impossible date
 * is an error, not a warning in a log nobody reads. Parsers are cheap and not thread-safe: one per call.
 *
 * <p>The context is built on a thread of its own from the moment the service starts, so its seconds run beside the
 * rest of the start-up (mostly one thread) instead of before it; the first CLINS call waits for it if it comes
 * earlier.
 */
@Component
public class ClinsFhir {

    private final CompletableFuture<FhirContext> context;

    public ClinsFhir() {
        context = new CompletableFuture<>();
        Thread builder = new Thread(this::build, "oqs-fhir-context");
        builder.setDaemon(true);
        builder.start();
    }

    private void build() {
        try {
            FhirContext built = FhirContext.forR4();
            built.setParserErrorHandler(new StrictErrorHandler());
            context.complete(built);
        } catch (RuntimeException | Error e) {
            context.completeExceptionally(e);
        }
    }

    public FhirContext context() {
        return context.join();
    }

    /** @throws ca.uhn.fhir.parser.DataFormatException when the JSON is not an R4 Bundle */
    public Bundle parseBundle(String json) {
        return parser().parseResource(Bundle.class, json);
    }

    public IParser parser() {
        return context().newJsonParser();
    }
}
