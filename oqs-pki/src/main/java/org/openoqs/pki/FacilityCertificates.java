package org.openoqs.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads the medical-institution code that a facility certificate carries as its subject CN. */
public final class FacilityCertificates {
    /** ASCII only on purpose: {@code \d} would also accept full-width digits. */
    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-9]{10}");

    private FacilityCertificates() {
    }

    public static Optional<String> institutionCodeOf(X509Certificate cert) {
        return institutionCodeOf(cert.getSubjectX500Principal());
    }

    /** Empty unless the subject has exactly one CN and it is 10 ASCII digits. */
    public static Optional<String> institutionCodeOf(X500Principal subject) {
        // Parse the DER rather than a string form so escaping or attribute order cannot fool the match.
        RDN[] cns = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
        if (cns.length != 1 || cns[0].isMultiValued()) {
            return Optional.empty();
        }
        String cn = IETFUtils.valueToString(cns[0].getFirst().getValue());
        return isInstitutionCode(cn) ? Optional.of(cn) : Optional.empty();
    }

    public static boolean isInstitutionCode(String value) {
        return value != null && INSTITUTION_CODE.matcher(value).matches();
    }
}
