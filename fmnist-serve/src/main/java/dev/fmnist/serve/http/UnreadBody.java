package dev.fmnist.serve.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Discards what is left of a refused request body, up to a bound, before the answer is written.
 *
 * <p>Why: when a server answers 413 and closes while the client is still sending, the client's next write
 * meets a reset and many clients (the JDK's {@code HttpClient}, browsers) report a broken connection instead
 * of the answer. Reading the rest lets a client that sent a little too much see why. The bound keeps a
 * hostile body from holding the thread: past it the connection is simply closed.
 */
public final class UnreadBody {
    private UnreadBody() {
    }

    /**
     * Reads and drops the rest of the body when it is at most {@code bound} bytes (declared or counted).
     *
     * @return whether the body was read to its end
     */
    public static boolean discard(HttpServletRequest request, long bound) {
        long declared = request.getContentLengthLong();
        if (declared > bound) {
            return false;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > bound) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // The stream is already gone or in a state the container refuses: nothing left to be polite to.
            return false;
        }
    }
}
