package dev.fmnist.backend.pure.kernel;

/**
 * Chooses the kernels at run time: the Vector API ones when the {@code jdk.incubator.vector} module is
 * in the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the system
 * property {@value #PROPERTY} is not {@code false}; the scalar ones otherwise.
 */
public final class KernelSelector {
    /** System property; {@code false} forces the scalar kernels. */
    public static final String PROPERTY = "fmnist.pure.vector";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.fmnist.backend.pure.kernel.VectorKernels";

    private KernelSelector() {
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The best kernels available, honouring {@value #PROPERTY}. */
    public static Kernels best() {
        boolean wanted = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
        return wanted ? vectorOrScalar() : ScalarKernels.INSTANCE;
    }

    /** The scalar kernels. */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The Vector API kernels, or the scalar ones if the module is absent. */
    public static Kernels vectorOrScalar() {
        if (!vectorModulePresent()) {
            return ScalarKernels.INSTANCE;
        }
        try {
            // By name, so VectorKernels (and the Vector API) is loaded only here.
            return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | IllegalStateException e) {
            return ScalarKernels.INSTANCE;
        }
    }
}
