package org.openoqs.terminal.central;

import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The central OQS service as the terminal sees it. The real implementation talks HTTPS with the facility's
 * client certificate ({@link HttpsCentralService}); tests and simulators implement the same interface.
 */
public interface CentralService {

    /**
     * Asks the service about one person.
     *
     * @throws CentralServiceUnavailableException the service could not be reached; the caller retries later
     * @throws CentralServiceRefusedException the service refused this terminal or request (certificate, facility)
     */
    QualificationInquiryResult inquire(QualificationInquiryRequest request);

    /**
     * The character code the facility chose for result files (環境設定). Used for results the terminal writes
     * itself (errors found before the service is asked).
     *
     * @throws CentralServiceUnavailableException the service could not be reached
     */
    CharacterCode resultCharacterCode();
}
