package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/**
 * The one body reader: a body up to the limit is read whole, a larger one is refused with the message's code
 * without being read on (declared: not a byte; undeclared: not past the first buffer beyond the limit), a
 * feature's own refusal and drain are honoured, and the stream is always closed.
 */
class BoundedBodyTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        CountingStream in = new CountingStream(LIMIT);

        byte[] body = BoundedBody.upTo(LIMIT).read(LIMIT, in);

        assertThat(body).hasSize(LIMIT).isEqualTo(filled(LIMIT));
        assertThat(in.closed).isTrue();
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedWithoutReadingAByte() {
        CountingStream in = new CountingStream(10 * LIMIT);

        assertThatThrownBy(() -> BoundedBody.upTo(LIMIT).read(LIMIT + 1, in))
                .isInstanceOf(InputRejectedException.class)
                .extracting(e -> ((InputRejectedException) e).errorCode()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(in.read).isZero();
        assertThat(in.closed).isTrue();
    }

    @Test
    void anUndeclaredBodyIsCutOffJustPastTheLimit() {
        CountingStream in = new CountingStream(100 * LIMIT);

        assertThatThrownBy(() -> BoundedBody.upTo(LIMIT).read(-1, in))
                .isInstanceOf(InputRejectedException.class)
                .extracting(e -> ((InputRejectedException) e).errorCode()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        assertThat(in.read).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 8192);
    }

    @Test
    void aFeatureRefusesWithItsOwnExceptionAfterDrainingWhatItAllows() {
        CountingStream in = new CountingStream(100 * LIMIT);
        BoundedBody clinsLike = BoundedBody.upTo(LIMIT)
                .refusedWith(() -> new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                        ErrorCode.CLINS_BUNDLE_TOO_LARGE, null))
                .drainingAtMost(2L * LIMIT);

        assertThatThrownBy(() -> clinsLike.read(100L * LIMIT, in))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).error().errorCode()).isEqualTo("OQSF2004");
        // drained up to twice the limit, then stopped: the rest is left to the closed connection
        assertThat(in.read).isGreaterThanOrEqualTo(2L * LIMIT).isLessThanOrEqualTo(2L * LIMIT + 8192);
    }

    @Test
    void anEmptyBodyIsEmpty() throws IOException {
        assertThat(BoundedBody.upTo(LIMIT).read(0, new CountingStream(0))).isEmpty();
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> BoundedBody.upTo(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** A body of {@code length} bytes that counts what was read of it. */
    private static final class CountingStream extends FilterInputStream {

        long read;
        boolean closed;

        CountingStream(int length) {
            super(new ByteArrayInputStream(filled(length)));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
