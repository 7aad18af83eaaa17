package dev.fmnist.cli.signal;

import dev.fmnist.api.training.StopSignal;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * While installed, Ctrl-C (SIGINT) and SIGTERM request a {@link StopSignal} instead of ending the JVM: the
 * trainer stops after its current batch and the command saves what was trained (or the server stops
 * accepting and finishes what is in flight). A second signal ends the process at once (exit code 130).
 *
 * <p>Signals are caught with the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}), looked up
 * reflectively so the CLI compiles without internal-API warnings. Where it is missing, a shutdown hook
 * requests the stop and holds the JVM open until {@link #close()} (the save) or 60 seconds pass.
 */
public final class InterruptToStop implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM"};
    private static final long HOOK_WAIT_SECONDS = 60;

    /** What training says on the first signal. */
    public static final String TRAINING_ACTION =
            "stopping after the current batch and saving (press Ctrl-C again to quit without saving)";

    private final StopSignal stop;
    private final PrintStream err;
    private final String action;
    private final AtomicInteger received = new AtomicInteger();
    private final List<Runnable> restore = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;

    private InterruptToStop(StopSignal stop, PrintStream err, String action) {
        this.stop = stop;
        this.err = err;
        this.action = action;
    }

    /** Installs the handlers until {@link #close()}, for training (see {@link #TRAINING_ACTION}). */
    public static InterruptToStop install(StopSignal stop, PrintStream err) {
        return install(stop, err, TRAINING_ACTION);
    }

    /**
     * Installs the handlers until {@link #close()}.
     *
     * @param action what the first signal does, for the line printed then (such as {@link #TRAINING_ACTION})
     */
    public static InterruptToStop install(StopSignal stop, PrintStream err, String action) {
        InterruptToStop handler = new InterruptToStop(stop, err, action);
        if (!handler.installSignalHandlers()) {
            handler.installShutdownHook();
        }
        return handler;
    }

    /** What a signal does: the first requests the stop, the second ends the process. */
    void onSignal(String name) {
        if (received.incrementAndGet() == 1) {
            stop.request();
            err.println();
            err.println("fmnist: " + ("INT".equals(name) ? "Ctrl-C" : "SIG" + name) + ": " + action);
            err.flush();
        } else {
            err.println(action.equals(TRAINING_ACTION) ? "fmnist: quitting without saving" : "fmnist: quitting at once");
            err.flush();
            Runtime.getRuntime().halt(130);
        }
    }

    private boolean installSignalHandlers() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> create = signalClass.getConstructor(String.class);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : SIGNALS) {
                Object signal = create.newInstance(name);
                InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        onSignal(name);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fmnist stop-on-" + name;
                    default -> null;
                };
                Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                        invocation);
                try {
                    Object previous = handle.invoke(null, signal, handler);
                    restore.add(() -> {
                        try {
                            handle.invoke(null, signal, previous);
                        } catch (ReflectiveOperationException e) {
                            // Restoring is best effort; the process is about to end anyway.
                        }
                    });
                } catch (java.lang.reflect.InvocationTargetException e) {
                    // The signal is reserved or ignored here (for example SIGINT in a background job).
                }
            }
            return !restore.isEmpty();
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return false;
        }
    }

    private void installShutdownHook() {
        hook = new Thread(() -> {
            onSignal("INT");
            try {
                finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fmnist-stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a stop was requested by a signal. */
    public boolean interrupted() {
        return received.get() > 0;
    }

    /** Restores the previous handlers (or releases the shutdown hook once the work is saved). */
    @Override
    public void close() {
        restore.forEach(Runnable::run);
        restore.clear();
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is waiting for the latch released above.
            }
            hook = null;
        }
    }
}
