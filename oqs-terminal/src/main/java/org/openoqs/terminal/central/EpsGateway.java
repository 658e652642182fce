package org.openoqs.terminal.central;

import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The central service's 電子処方箋 endpoints as the terminal sees them ({@link HttpsEpsGateway}; tests may fake it).
 */
public interface EpsGateway {

    /**
     * Sends one request message and returns the result message.
     *
     * @throws CentralServiceUnavailableException the service could not be reached; the caller retries later
     * @throws CentralServiceRefusedException     the service refused the terminal or the request
     */
    XmlNode send(EpsOperation operation, XmlNode request);

    /**
     * Whether the facility's face-auth reader asks the patient for the prescription form.
     *
     * @param ePrescriptionUse OQSCD038 code
     * @param selectionTiming  OQSCD039 code
     */
    record ReaderSettings(String ePrescriptionUse, String selectionTiming, boolean readerAsks) {
    }

    /** @throws CentralServiceUnavailableException the service could not be reached */
    ReaderSettings readerSettings();
}
