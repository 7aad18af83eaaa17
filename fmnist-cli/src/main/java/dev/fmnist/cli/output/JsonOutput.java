package dev.fmnist.cli.output;

import dev.fmnist.api.internal.json.Json;
import dev.fmnist.api.io.AtomicFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** JSON documents on stdout (for {@code --json}) and in files (written atomically). */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** Prints one indented JSON document followed by a newline. */
    public static void print(PrintStream out, Object document) {
        out.println(Json.writePretty(document));
        out.flush();
    }

    /** Writes one indented JSON document to {@code file}, atomically. */
    public static void write(Path file, Object document) {
        AtomicFiles.write(file, (Json.writePretty(document) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
