package org.openoqs.core.eps;

import java.util.List;
import java.util.Objects;
import org.openoqs.core.xml.XmlNode;

/**
 * The verification of one signature over a prescription, written as a {@code VerifyResultList} entry:
 * {@code Status} (1 検証成功 / 2 検証失敗), {@code Message}, {@code SignId} (the signing certificate: issuer CN and
 * serial) and one {@code FailureReasons} entry ({@code MessageKey}, {@code MessageCode}, {@code Message}) per reason.
 *
 * @param signId   identifies the signature's certificate, or {@code null} when none could be read
 * @param failures every reason the signature is not acceptable; empty when it is
 */
public record SignatureVerification(String signId, List<EpsResultCode> failures) {

    public SignatureVerification {
        failures = List.copyOf(failures);
        failures.forEach(f -> Objects.requireNonNull(f, "failure"));
    }

    public boolean valid() {
        return failures.isEmpty();
    }

    public XmlNode toXml() {
        XmlNode.Builder b = XmlNode.builder("VerifyResultList")
                .leaf("Status", valid() ? "1" : "2")
                .leaf("Message", valid() ? "処方医の電子署名を確認しました。" : EpsResultCode.SIGNATURE_INVALID.message())
                .leaf("SignId", signId);
        for (EpsResultCode f : failures) {
            b.child("FailureReasons", r -> r.leaf("MessageKey", f.name()).leaf("MessageCode", f.code())
                    .leaf("Message", f.message()));
        }
        return b.build();
    }
}
