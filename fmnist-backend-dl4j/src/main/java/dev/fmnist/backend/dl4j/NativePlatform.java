package dev.fmnist.backend.dl4j;

import dev.fmnist.api.spi.Availability;
import java.util.Locale;

/**
 * The platform in JavaCPP's naming ({@code linux-x86_64}, {@code macosx-arm64}, ...) and whether the
 * class path holds ND4J's and OpenBLAS's native libraries for it. Decided from system properties and
 * resource look-ups only: no class of ND4J is loaded.
 *
 * @param name the JavaCPP platform name
 */
record NativePlatform(String name) {
    /** Where nd4j-native keeps its libraries, per platform. */
    static final String ND4J_NATIVES = "org/nd4j/linalg/cpu/nativecpu/bindings/";
    /** Where the OpenBLAS preset keeps its libraries, per platform. */
    static final String OPENBLAS_NATIVES = "org/bytedeco/openblas/";
    /** A class of deeplearning4j-nn, looked up as a resource so that it is not loaded. */
    static final String DL4J_CLASS = "org/deeplearning4j/nn/multilayer/MultiLayerNetwork.class";

    /** This JVM's platform. */
    static NativePlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The JavaCPP platform name for Java's {@code os.name} and {@code os.arch}. */
    static NativePlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows"
                : os.replaceAll("[^a-z0-9]", "");
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i486", "i586", "i686", "x86" -> "x86";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return new NativePlatform(system + "-" + arch);
    }

    /** Whether the classes and this platform's native libraries are visible to {@code loader}. */
    Availability availability(ClassLoader loader) {
        if (loader.getResource(DL4J_CLASS) == null) {
            return Availability.no("deeplearning4j-nn is not on the class path");
        }
        if (loader.getResource(ND4J_NATIVES + name + "/") == null) {
            return Availability.no("no ND4J native libraries for platform " + name
                    + " on the class path (add org.nd4j:nd4j-native with classifier " + name + ")");
        }
        if (loader.getResource(OPENBLAS_NATIVES + name + "/") == null) {
            return Availability.no("no OpenBLAS native libraries for platform " + name
                    + " on the class path (add org.bytedeco:openblas with classifier " + name + ")");
        }
        return new Availability(true, name);
    }
}
