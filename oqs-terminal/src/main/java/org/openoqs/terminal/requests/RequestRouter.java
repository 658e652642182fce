package org.openoqs.terminal.requests;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.message.RequestType;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * Sends each request file to the processor of its type. Names the interface notes know but this version does
 * not implement get a "not supported" error result; names with an unknown prefix an "unknown request" one; a
 * suffix that could not be a Windows file name an "invalid file name" one. Never throws for bad input.
 */
public final class RequestRouter implements RequestProcessor {

    /** Longest suffix accepted; real HIS products use 12–30 characters. */
    static final int MAX_ID_LENGTH = 100;

    private final Map<RequestType, RequestProcessor> processors;
    private final ErrorResultWriter errors;

    public RequestRouter(Map<RequestType, RequestProcessor> processors, ErrorResultWriter errors) {
        this.processors = Map.copyOf(processors);
        this.errors = errors;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        if (request.notRegularFile()) {
            return errors.fileLevel(safeResultName(request.name()), null, ErrorCode.REQUEST_NOT_A_REGULAR_FILE,
                    null);
        }
        Optional<RequestFileName> parsed = RequestFileName.parse(request.name());
        if (parsed.isEmpty()) {
            return errors.fileLevel(safeResultName(request.name()), request, invalidNameOrUnknownType(request.name()),
                    request.name());
        }
        RequestFileName name = parsed.get();
        if (!isSafeId(name.id())) {
            // The answer cannot carry a name Windows refuses; it goes out under the id with those characters
            // replaced, and the レセコン correlates it by ArbitraryFileIdentifier, which the error result echoes.
            return errors.fileLevel(safeResultName(request.name()), request, ErrorCode.INVALID_FILE_NAME, null);
        }
        String resultName = name.resultName("xml");
        Optional<RequestType> type = RequestType.ofPrefix(name.prefix());
        if (type.isPresent() && processors.containsKey(type.get())) {
            return processors.get(type.get()).process(request);
        }
        if (type.isPresent() || RequestType.isKnownFamily(name.prefix())) {
            String label = type.map(RequestType::label).orElse("電子処方箋");
            return errors.fileLevel(resultName, request, ErrorCode.UNSUPPORTED_REQUEST_TYPE, label);
        }
        return errors.fileLevel(resultName, request, ErrorCode.UNKNOWN_REQUEST_TYPE, name.prefix());
    }

    /**
     * A request the service could not answer within the outage timeout: the type's processor may answer in its own
     * format; otherwise a file-level {@code OQSF9001} (CENTRAL_SERVICE_UNAVAILABLE) result echoing the header.
     */
    @Override
    public ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
        Optional<RequestFileName> parsed = RequestFileName.parse(request.name());
        String resultName = safeResultName(request.name());
        Optional<RequestProcessor> typed = parsed.flatMap(name -> RequestType.ofPrefix(name.prefix()))
                .map(processors::get);
        if (typed.isPresent()) {
            ProcessedResult own = typed.get().answerServiceUnavailable(request, waited);
            if (own != null) {
                return own;
            }
        }
        return errors.fileLevel(resultName, request, ErrorCode.CENTRAL_SERVICE_UNAVAILABLE,
                waited.toSeconds() + "秒間応答がありませんでした");
    }

    // A path separator makes the name unusable as such; anything else the grammar refuses has an unknown prefix.
    private static ErrorCode invalidNameOrUnknownType(String requestName) {
        return requestName.contains("\\") || requestName.contains("/") ? ErrorCode.INVALID_FILE_NAME
                : ErrorCode.UNKNOWN_REQUEST_TYPE;
    }

    private static boolean isSafeId(String id) {
        if (id.length() > MAX_ID_LENGTH || id.contains("..")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String windowsSafe(String id) {
        StringBuilder safe = new StringBuilder(Math.min(id.length(), MAX_ID_LENGTH));
        id.codePoints().limit(MAX_ID_LENGTH).forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c));
        return safe.toString();
    }

    /**
     * The result name of any request name, also one {@link RequestFileName#parse} refuses (a backslash or
     * {@code /} in it, a Windows-illegal id): {@code req_} becomes {@code res_}, the extension {@code .xml}, and every
     * character a Windows file name cannot hold (backslash, {@code / : * ? " < > |}, control characters) becomes {@code _},
     * at most {@link #MAX_ID_LENGTH} characters of the id are kept. So every request gets an answer the agent can
     * publish; without it a name with a backslash made the result name invalid, the processor threw, and the request
     * was retried forever, across restarts. The レセコン correlates such an answer by the echoed header.
     */
    static String safeResultName(String requestName) {
        Optional<RequestFileName> parsed = RequestFileName.parse(requestName);
        if (parsed.isPresent() && isSafeId(parsed.get().id())) {
            return parsed.get().resultName("xml");
        }
        int at = requestName.indexOf("req_");
        String prefix = at < 0 ? "" : requestName.substring(0, at);
        String id = at < 0 ? requestName : requestName.substring(at + 4);
        if (id.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            id = id.substring(0, id.length() - 4);
        }
        String name = windowsSafe(prefix) + "res_" + windowsSafe(id) + ".xml";
        return name.startsWith(".") ? "_" + name.substring(1) : name; // '.' names are the agent's temporary files
    }
}
