package org.openoqs.core.number;

/**
 * The common "modulus 10, weights 2-1" check digit of MHLW's numbering rules (insurer numbers, public-expense
 * payer numbers, institution and pharmacy codes). Weights start at 2 on the rightmost body digit, which is
 * what makes the rule correct for bodies of any length.
 */
public final class CheckDigit {

    private CheckDigit() {
    }

    /** Computes the check digit of a body made only of ASCII digits. */
    public static int of(String body) {
        if (body == null || body.isEmpty() || !isAsciiDigits(body)) {
            throw new IllegalArgumentException("check-digit body must be ASCII digits: " + body);
        }
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            int product = (body.charAt(i) - '0') * weight;
            sum += product >= 10 ? product / 10 + product % 10 : product;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the last digit of {@code number} is the check digit of the digits before it. */
    public static boolean isValid(String number) {
        if (number == null || number.length() < 2 || !isAsciiDigits(number)) {
            return false;
        }
        int last = number.charAt(number.length() - 1) - '0';
        return of(number.substring(0, number.length() - 1)) == last;
    }

    /** Appends the check digit to a body. */
    public static String complete(String body) {
        return body + of(body);
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
