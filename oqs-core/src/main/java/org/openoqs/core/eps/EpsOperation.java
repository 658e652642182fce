package org.openoqs.core.eps;

import java.util.Arrays;
import java.util.Optional;
import org.openoqs.core.message.RequestType;

/**
 * The 電子処方箋 operations openoqs offers, each through the file interface (its {@link RequestType} prefix,
 * e.g. {@code EPSsireg01req_<id>.xml}) and the terminal API ({@code POST /api/v1/eps/<apiName>}). The file names
 * are openoqs's decision — the real ones are not public (docs/e-prescription.md).
 */
public enum EpsOperation {
    REGISTER(RequestType.E_PRESCRIPTION_REGISTER, "register", Caller.PRESCRIBER),
    SEARCH(RequestType.E_PRESCRIPTION_SEARCH, "search", Caller.PRESCRIBER),
    STATUS(RequestType.E_PRESCRIPTION_STATUS, "status", Caller.ANY),
    CANCEL(RequestType.E_PRESCRIPTION_CANCEL, "cancel", Caller.PRESCRIBER),
    COPY(RequestType.E_PRESCRIPTION_COPY, "copy", Caller.PRESCRIBER),
    RECEIVE(RequestType.E_PRESCRIPTION_RECEIVE, "receive", Caller.PHARMACY),
    DISPENSING_RESULT(RequestType.E_PRESCRIPTION_DISPENSING_RESULT, "dispensing-result", Caller.PHARMACY),
    DISPENSING_RESULTS(RequestType.E_PRESCRIPTION_DISPENSING_RESULTS, "dispensing-results", Caller.ANY);

    /** Which kind of facility may call an operation. */
    public enum Caller {
        /** 医科・歯科 (点数表番号 1 or 3). */
        PRESCRIBER,
        /** 薬局 (点数表番号 4). */
        PHARMACY,
        ANY
    }

    private final RequestType requestType;
    private final String apiName;
    private final Caller caller;

    EpsOperation(RequestType requestType, String apiName, Caller caller) {
        this.requestType = requestType;
        this.apiName = apiName;
        this.caller = caller;
    }

    public RequestType requestType() {
        return requestType;
    }

    /** The file prefix, e.g. {@code EPSsireg01}. */
    public String prefix() {
        return requestType.prefix();
    }

    /** Japanese name, e.g. {@code 電子処方箋 処方箋登録}. */
    public String label() {
        return requestType.label();
    }

    /** The last segment of the API path: {@code /api/v1/eps/<apiName>}. */
    public String apiName() {
        return apiName;
    }

    public Caller caller() {
        return caller;
    }

    /**
     * Why a facility with this 点数表番号 may not call the operation, or empty.
     *
     * @param scoreTable the third digit of the institution code
     */
    public Optional<EpsResultCode> refuseCaller(char scoreTable) {
        boolean pharmacy = scoreTable == '4';
        return switch (caller) {
            case ANY -> Optional.empty();
            case PRESCRIBER -> pharmacy ? Optional.of(EpsResultCode.PRESCRIBER_ONLY) : Optional.empty();
            case PHARMACY -> pharmacy ? Optional.empty() : Optional.of(EpsResultCode.PHARMACY_ONLY);
        };
    }

    public static Optional<EpsOperation> ofRequestType(RequestType type) {
        return Arrays.stream(values()).filter(o -> o.requestType == type).findFirst();
    }

    public static Optional<EpsOperation> ofApiName(String name) {
        return Arrays.stream(values()).filter(o -> o.apiName.equals(name)).findFirst();
    }
}
