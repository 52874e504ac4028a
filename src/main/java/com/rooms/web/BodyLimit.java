package com.rooms.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.rooms.api.HttpError;

/**
 * Request bodies (PROTOCOL.md 7): a body over {@value #MAX_BYTES} bytes,
 * declared in {@code Content-Length} or streamed (chunked), is refused
 * {@code 413 too-large} before anything else is checked, without reading
 * further; a body that takes longer than {@value #DEADLINE_SECONDS} s to
 * arrive is refused {@code 408 timeout}. Either answer closes the
 * connection, so the rest of the body is never read.
 *
 * <p>On Open Liberty the HTTP channel reads the rest of a refused body to its
 * end before it closes the connection. Its {@code MessageSizeLimit} (512 KiB
 * of headers and body in server.xml) bounds that: past it the channel fails
 * the read and closes, and a body declared larger than it is answered by the
 * channel itself, a 413 with an empty body, before this filter runs.
 *
 * <p>The body is read here, whole and bounded, before the rest of the
 * application runs; what follows reads it from memory. Nothing behind this
 * filter can be made to hold more than {@value #MAX_BYTES} bytes of one
 * request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimit extends HttpFilter {
    public static final int MAX_BYTES = 64 * 1024;
    public static final int DEADLINE_SECONDS = 10;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared > MAX_BYTES) {
            refuse(response, 413, "too-large", "a request body may have at most " + MAX_BYTES + " bytes");
            return;
        }
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = read(request.getInputStream(), System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS));
        if (body == TOO_LARGE) {
            refuse(response, 413, "too-large", "a request body may have at most " + MAX_BYTES + " bytes");
            return;
        }
        if (body == TOO_SLOW) {
            refuse(response, 408, "timeout", "the request body did not arrive within " + DEADLINE_SECONDS + " s");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static final byte[] TOO_LARGE = new byte[0];
    private static final byte[] TOO_SLOW = new byte[0];

    /** The whole body, or {@link #TOO_LARGE} as soon as it passes the limit, or {@link #TOO_SLOW} past the deadline. */
    private static byte[] read(InputStream in, long deadlineNanos) throws IOException {
        byte[] buffer = new byte[4096];
        int length = 0;
        for (;;) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return TOO_SLOW;
            }
            if (length == buffer.length) {
                if (length > MAX_BYTES) {
                    return TOO_LARGE;
                }
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BYTES + 1));
            }
            int n;
            try {
                n = in.read(buffer, length, buffer.length - length);
            } catch (IOException failed) {
                if (overLimit(failed)) {
                    return TOO_LARGE;
                }
                throw failed;
            }
            if (n < 0) {
                return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            }
            length += n;
            if (length > MAX_BYTES) {
                return TOO_LARGE;
            }
        }
    }

    /**
     * Open Liberty's own limit ({@code httpOptions MessageSizeLimit} in
     * server.xml) fails the read of a streamed body that passes it, and closes
     * the connection after the answer instead of reading the rest.
     */
    private static boolean overLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("MessageTooLargeException")) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setHeader("Connection", "close");
        new HttpError(status, code, message).write(response);
        response.flushBuffer();
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
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
                    throw new IllegalStateException("the body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (encoding != null) {
                    charset = Charset.forName(encoding);
                }
            } catch (IllegalArgumentException unknown) {
                // a body in an unknown encoding is read as UTF-8; the JSON reader then judges it
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
