package org.openoqs.core.card;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** ECDSA P-256 with SHA-256, the algorithm of every card and individuals' CA key in openoqs (JDK SunEC). */
public final class CardSignatures {

    public static final String ALGORITHM = "SHA256withECDSA";

    private CardSignatures() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    /** False for a wrong or malformed signature, or a key of another algorithm; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        if (key == null || data == null || signatureBytes == null || signatureBytes.length == 0) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException | java.security.InvalidKeyException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
