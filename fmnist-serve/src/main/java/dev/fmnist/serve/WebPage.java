package dev.fmnist.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page and the OpenAPI document, served from the module's resources ({@code dev/fmnist/serve/web}), read
 * once. The page is self-contained: no CDN, no external fonts, and a content security policy that says so.
 */
final class WebPage {
    private static final String ROOT = "/dev/fmnist/serve/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json");
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private WebPage() {
    }

    static void serve(Context ctx, String name) {
        byte[] body = CACHE.computeIfAbsent(name, WebPage::read);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        ctx.contentType(TYPES.get(extension)).header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-cache").result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
