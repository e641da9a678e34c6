package dev.berth.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared HTTP/1.x framing over canned answers, in a plain client's words. No network. */
class Http1HeadTest {
    /** A plain client's words, with a short line limit. */
    private static final Http1Faults FAULTS = new Http1Faults() {
        @Override
        public int maxLine() {
            return 32;
        }
    };

    @Test
    void framesAChunkedASizedAndAnUntilCloseBody() throws IOException {
        assertThat(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
                Long.MAX_VALUE)).isEqualTo("abcde");
        assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", Long.MAX_VALUE)).isEqualTo("abc");
        assertThat(body("HTTP/1.0 200 OK\n\nabcdef", Long.MAX_VALUE)).isEqualTo("abcdef");
        assertThat(body("HTTP/1.0 200 OK\n\nabcdef", 6)).isEqualTo("abcdef");
        assertThat(body("HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\nabc", Long.MAX_VALUE)).isEmpty();
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(Http1Head.read(in, FAULTS).body(in, true, Long.MAX_VALUE).readAllBytes()).isEmpty();
    }

    @Test
    void keepsTheHeadersAsTheyCame() throws IOException {
        Http1Head head = Http1Head.read(stream("HTTP/1.1 404 Not Found\r\nX-A: 1\r\nx-a: 2\r\nX-A: 3\r\n"
                + "no colon\r\n\r\n"), FAULTS);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.headers()).containsOnlyKeys("X-A", "x-a");
        assertThat(head.header("x-A")).isEqualTo(List.of("1", "3", "2"));
        assertThat(head.header("Content-Type")).isEmpty();
    }

    @Test
    void aBodyLargerThanTheLimitFails() {
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nabcdefg", 6))
                .hasMessage("the body is larger than 6 bytes (Content-Length 7)");
        assertThatThrownBy(() -> body("HTTP/1.0 200 OK\n\nabcdefg", 6)).hasMessage("the body is larger than 6 bytes");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n"
                + "0\r\n\r\n", 6)).hasMessage("the body is larger than 6 bytes");
    }

    @Test
    void eachWayOfBeingCutShortOrMalformedHasItsOwnWords() {
        assertThatThrownBy(() -> body("", 10)).hasMessage("the connection closed before a status line");
        assertThatThrownBy(() -> body("SSH-2.0\r\n", 10)).hasMessage("not an HTTP/1.x status line: SSH-2.0");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nX: " + "y".repeat(40) + "\r\n\r\n", 10))
                .hasMessage("a header line longer than 32 bytes");
        assertThat(new Http1Faults().lineTooLong()).hasMessage("a header line longer than 64 KiB");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", 10))
                .hasMessage("bad Content-Length: x");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", 10))
                .hasMessage("the connection closed after 2 of 5 body bytes");
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThatThrownBy(() -> body(chunked + "2\r\nab\r\n", 10)).hasMessage("the connection closed inside a chunked body");
        assertThatThrownBy(() -> body(chunked + "2\r\nab\r\n5;e\r\nab", 10)).hasMessage("the connection closed after 2 of 5 body bytes");
        assertThatThrownBy(() -> body(chunked + "zz;e\r\n", 10)).hasMessage("bad chunk size: zz;e");
    }

    @Test
    void readsOneByteAtATimeAndSaysWhatIsAvailable() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabc");
        InputStream body = Http1Head.read(in, FAULTS).body(in, false, Long.MAX_VALUE);
        assertThat(body.available()).isEqualTo(2);
        assertThat(body.read()).isEqualTo('a');
        assertThat(body.read()).isEqualTo('b');
        assertThat(body.read()).isEqualTo(-1);
        assertThat(body.available()).isZero();
    }

    private static String body(String answer, long limit) throws IOException {
        InputStream in = stream(answer);
        return new String(Http1Head.read(in, FAULTS).body(in, false, limit).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static InputStream stream(String answer) {
        return new ByteArrayInputStream(answer.getBytes(StandardCharsets.ISO_8859_1));
    }
}
