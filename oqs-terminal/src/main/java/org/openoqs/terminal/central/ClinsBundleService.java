package org.openoqs.terminal.central;

/**
 * The service's 電子カルテ情報 registration (docs/clins.md: {@code /api/v1/clins/bundles}) as the terminal sees it:
 * register, delete and list the facility's Bundles, the facility being the certificate's.
 *
 * <p>A Bundle the service refuses is an answer, not a failure: the {@link Answer} carries the status and the FHIR
 * {@code OperationOutcome} listing each problem, for the caller to show. A service that cannot be reached or answers
 * HTTP 5xx throws {@link org.openoqs.terminal.linkage.CentralServiceUnavailableException}; a refused handshake
 * {@link CentralServiceRefusedException}.
 */
public interface ClinsBundleService {

    /** The service's answer: its HTTP status (2xx accepted, 4xx refused) and its JSON body ({@code ""} for 204). */
    record Answer(int status, String body) {

        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    /** Registers (or replaces, by its identifier) one Bundle, FHIR JSON as it is. */
    Answer register(byte[] bundle);

    /** Deletes the facility's Bundle with this identifier. */
    Answer delete(String identifier);

    /** The facility's registered Bundles. */
    Answer list();
}
