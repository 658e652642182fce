package org.openoqs.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.error.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than its path's limit ({@link RequestBodyLimits}) with 413 and the JSON error
 * {@link ErrorCode#REQUEST_BODY_TOO_LARGE} before anything parses it — first of all filters, before authentication
 * and before Spring Security reads a form parameter (docs/security.md, "Card and API"):
 * <ul>
 *   <li>a declared {@code Content-Length} above the limit is answered at once, without reading a byte of the body;</li>
 *   <li>a body without a length (chunked) is read up to the limit and no further: one byte more and the answer is
 *       413; otherwise the request goes on with the bytes read (held in memory, at most the limit).</li>
 * </ul>
 * The connection is closed after a 413, so the rest of the body is never read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimits limits;
    private final ApiErrorWriter errors;

    public RequestBodyLimitFilter(RequestBodyLimits limits, ApiErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(response, limit);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        errors.write(response, HttpStatus.CONTENT_TOO_LARGE, ApiError.of(ErrorCode.REQUEST_BODY_TOO_LARGE,
                "上限 " + describe(limit)));
    }

    static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " バイト";
    }

    /** The body when it has at most {@code limit} bytes; {@code null} as soon as it has more (not read further). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The request with its (chunked) body already read; form parameters are parsed from those bytes. */
    static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private Map<String, String[]> parameters;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters().get(name);
        }

        private Map<String, String[]> parameters() {
            if (parameters == null) {
                Map<String, List<String>> collected = new LinkedHashMap<>();
                collect(getQueryString(), collected);
                String type = getContentType();
                if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    collect(new String(body, charset()), collected);
                }
                Map<String, String[]> out = new LinkedHashMap<>();
                collected.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(out);
            }
            return parameters;
        }

        private void collect(String encoded, Map<String, List<String>> into) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset());
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset());
                into.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
            }
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
