package org.openoqs.server.eps;

import org.openoqs.core.xml.XmlNode;

/**
 * What an operation answered, and what the audit trail records of it.
 *
 * @param body    the result's {@code MessageBody}
 * @param subject the audit subject, e.g. {@code prescription=<id>}
 * @param result  the audit outcome, e.g. {@code OK} or {@code REFUSED EPSB1031E}
 */
record EpsOutcome(XmlNode body, String subject, String result) {
}
