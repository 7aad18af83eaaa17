package dev.fmnist.serve.http;

import dev.fmnist.api.data.Images;
import dev.fmnist.api.error.InvalidInputException;
import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.internal.json.JsonException;
import dev.fmnist.data.classify.Picture;
import dev.fmnist.data.classify.PictureDecoder;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Reads the pictures of a {@code POST /v1/predict}: a picture as the body ({@code image/*} or
 * {@code application/octet-stream}), {@code multipart/form-data} with one or more {@code image} parts, or
 * JSON {@code {"pixels": [...]}} (784 values 0..255, flat or 28 rows of 28) or a list of such objects.
 * Bodies are read up to the size limit and no further. Thread-safe.
 */
public final class PictureRequests {
    /** The field name of picture parts in multipart requests. */
    public static final String PART = "image";

    private static final Set<String> READABLE = Set.of(ImageIO.getReaderMIMETypes());
    private static final String ACCEPTED = "send a picture as the body with its Content-Type (image/png, image/jpeg, "
            + "image/gif, image/bmp), multipart/form-data with 'image' parts, or application/json {\"pixels\": [...]}";

    private final long maxBodyBytes;
    private final int maxPictures;

    /**
     * @param maxBodyBytes the largest body accepted (413 above)
     * @param maxPictures the most pictures in one request (400 above)
     */
    public PictureRequests(long maxBodyBytes, int maxPictures) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxPictures = maxPictures;
    }

    /** The pictures of a request. @throws ApiException (400, 413, 415) naming the problem */
    public List<Picture> read(Context ctx) {
        // The raw header: the servlet API throws on an unknown charset parameter.
        String type = baseType(ctx.header("Content-Type"));
        if (type.isEmpty()) {
            throw new ApiException(415, "unsupported_media_type", "no Content-Type: " + ACCEPTED);
        }
        checkDeclaredLength(ctx);
        if (type.equals("multipart/form-data")) {
            return multipart(ctx);
        }
        if (type.equals("application/json")) {
            return json(new String(body(ctx), StandardCharsets.UTF_8));
        }
        if (type.startsWith("image/") || type.equals("application/octet-stream")) {
            byte[] bytes = body(ctx);
            checkPicture(bytes, type, "the body");
            return List.of(Picture.encoded(bytes, "body"));
        }
        throw new ApiException(415, "unsupported_media_type", "Content-Type " + type + " is not accepted: " + ACCEPTED);
    }

    /** The media type without parameters, in lower case ("" when absent). */
    static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private void checkDeclaredLength(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge(declared + " bytes");
        }
    }

    private ApiException tooLarge(String size) {
        return new ApiException(413, "payload_too_large", "the body (" + size + ") is over the limit of "
                + maxBodyBytes + " bytes");
    }

    /** The body, read up to the limit. */
    private byte[] body(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBodyBytes) {
                    throw tooLarge("more than " + maxBodyBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ApiException.badRequest("empty_body", "the request has no body: " + ACCEPTED);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(408, "request_timeout", "the body could not be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** 415 for types no reader knows; undecodable bytes of a known type are left to the decoder (400). */
    private static void checkPicture(byte[] bytes, String type, String what) {
        if (type.startsWith("image/") && !READABLE.contains(type) && !PictureDecoder.isPicture(bytes)) {
            throw new ApiException(415, "unsupported_media_type", what + " is " + type
                    + ", which cannot be read; send " + dev.fmnist.data.image.ImagePreprocessor.FORMATS);
        }
    }

    private List<Picture> multipart(Context ctx) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(PART);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (message.contains("exceeds") || message.contains("max")) {
                throw tooLarge("more than " + maxBodyBytes + " bytes");
            }
            throw ApiException.badRequest("invalid_multipart", "the multipart body cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ApiException.badRequest("no_image", "the multipart body has no '" + PART + "' part");
        }
        checkCount(files.size());
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            String name = file.filename() == null || file.filename().isBlank() ? PART + "[" + i + "]" : file.filename();
            String type = baseType(file.contentType());
            if (!type.isEmpty() && !type.startsWith("image/") && !type.equals("application/octet-stream")) {
                throw new ApiException(415, "unsupported_media_type", "part " + name + " is " + type
                        + ", not a picture");
            }
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("invalid_multipart", "part " + name + " cannot be read: " + e.getMessage());
            }
            checkPicture(bytes, type, "part " + name);
            pictures.add(Picture.encoded(bytes, name));
        }
        return pictures;
    }

    private void checkCount(int count) {
        if (count > maxPictures) {
            throw ApiException.badRequest("too_many_pictures", count + " pictures in one request; the limit is "
                    + maxPictures);
        }
    }

    /** Pictures from {@code {"pixels": [...]}} or a list of such objects. */
    static List<Picture> json(String text, int maxPictures) {
        Object value;
        try {
            value = Json.parse(text);
        } catch (JsonException e) {
            throw ApiException.badRequest("invalid_json", "the body is not JSON: " + e.getMessage());
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.isEmpty()) {
            throw ApiException.badRequest("invalid_pixels", "the list of pictures is empty");
        }
        if (items.size() > maxPictures) {
            throw ApiException.badRequest("too_many_pictures", items.size() + " pictures in one request; the limit is "
                    + maxPictures);
        }
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String source = items.size() == 1 && !(value instanceof List) ? "pixels" : "pixels[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> object) || !(object.get("pixels") instanceof List<?> pixels)) {
                throw ApiException.badRequest("invalid_pixels", source + ": expected an object {\"pixels\": [784 values"
                        + " 0..255]}");
            }
            try {
                pictures.add(Picture.pixels(values(pixels, source), source));
            } catch (InvalidInputException e) {
                throw ApiException.badRequest("invalid_pixels", e.getMessage());
            }
        }
        return pictures;
    }

    private List<Picture> json(String text) {
        return json(text, maxPictures);
    }

    /** 784 numbers, flat or as 28 rows of 28. */
    private static double[] values(List<?> pixels, String source) {
        List<Object> flat = new ArrayList<>(Images.PIXELS);
        for (Object item : pixels) {
            if (item instanceof List<?> row) {
                flat.addAll(row);
            } else {
                flat.add(item);
            }
        }
        double[] values = new double[flat.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(flat.get(i) instanceof Number number)) {
                throw ApiException.badRequest("invalid_pixels", source + ": pixel " + i + " is not a number");
            }
            values[i] = number.doubleValue();
        }
        return values;
    }
}
