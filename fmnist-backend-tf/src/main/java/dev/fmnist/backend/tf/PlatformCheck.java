package dev.fmnist.backend.tf;

import dev.fmnist.api.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides whether TensorFlow can run here without loading it: the platform must have a native jar on the
 * class path (found as a resource, not loaded) and, on x86-64, the CPU must have AVX, which the official
 * TensorFlow 2.18 binaries require.
 *
 * @param platform javacpp's platform name, such as {@code linux-x86_64}
 * @param classLoader where to look for the native jar and the API classes
 * @param cpuFlags the CPU's feature flags, or null if unknown
 */
record PlatformCheck(String platform, ClassLoader classLoader, String cpuFlags) {
    /** The native library that proves the platform jar is present. */
    static final String JNI_LIBRARY = "libjnitensorflow";

    /** A check for this JVM's platform and class loader. */
    static PlatformCheck current() {
        return new PlatformCheck(platformOf(System.getProperty("os.name", ""), System.getProperty("os.arch", "")),
                PlatformCheck.class.getClassLoader(), readCpuFlags());
    }

    Availability availability() {
        if (platform == null) {
            return Availability.no("TensorFlow Java has no native build for " + System.getProperty("os.name")
                    + " on " + System.getProperty("os.arch"));
        }
        if (classLoader.getResource("org/tensorflow/TensorFlow.class") == null) {
            return Availability.no("tensorflow-core-api is not on the class path");
        }
        if (!hasNativeJar()) {
            return Availability.no("no TensorFlow natives for " + platform
                    + " on the class path; add org.tensorflow:tensorflow-core-native:1.1.0:" + platform);
        }
        if (platform.endsWith("x86_64") && cpuFlags != null && !hasFlag("avx")) {
            return Availability.no("this CPU lacks AVX, which TensorFlow 2.18's native build needs");
        }
        return new Availability(true, platform);
    }

    private boolean hasNativeJar() {
        String dir = "org/tensorflow/internal/c_api/" + platform + "/";
        for (String name : new String[] {JNI_LIBRARY + ".so", JNI_LIBRARY + ".dylib", "jnitensorflow.dll"}) {
            if (classLoader.getResource(dir + name) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean hasFlag(String flag) {
        for (String f : cpuFlags.split("\\s+")) {
            if (f.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** javacpp's platform name for an OS and architecture, or null where TensorFlow Java ships no natives. */
    static String platformOf(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux")) {
            return x64 ? "linux-x86_64" : arm64 ? "linux-arm64" : null;
        }
        if (os.startsWith("mac")) {
            return arm64 ? "macosx-arm64" : null;
        }
        if (os.startsWith("windows")) {
            return x64 ? "windows-x86_64" : null;
        }
        return null;
    }

    /** The first {@code flags} line of /proc/cpuinfo, or null where there is none. */
    private static String readCpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return null;
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1)).orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
