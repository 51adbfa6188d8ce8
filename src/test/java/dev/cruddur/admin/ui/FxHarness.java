package dev.cruddur.admin.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Test-side helpers for the FX thread: start the toolkit headless, run on it, wait for a condition, snapshot. */
public final class FxHarness {
    private static volatile boolean started;

    private FxHarness() {}

    /** Starts JavaFX in headless Monocle (for mains; surefire passes the same flags). */
    /** Draws PNGs into a folder. */
    public interface ScreenshotRenderer {
        void render(Path out) throws Exception;
    }

    /**
     * The body of every screenshot main: headless toolkit, dynalite from the build's install, the
     * folder from the first argument (default {@code docs/screenshots}), exit 0 or 1.
     */
    public static void screenshotMain(String[] args, ScreenshotRenderer renderer) {
        try {
            if (System.getProperty("dynalite.dir") == null) System.setProperty("dynalite.dir", "src/test/node");
            startHeadless();
            renderer.render(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    public static synchronized void startHeadless() {
        if (started) return;
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        System.setProperty("java.awt.headless", "true");
        CountDownLatch latch = new CountDownLatch(1);
        try {
            Platform.startup(latch::countDown);
        } catch (IllegalStateException alreadyRunning) {
            latch.countDown();
        }
        await(latch);
        Platform.setImplicitExit(false);
        started = true;
    }

    public static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    /**
     * Hides every window still showing. Flow tests of several classes share one toolkit, and a
     * window a class left open would sit over the next class's window and take its clicks.
     */
    public static void closeAllWindows() {
        runFx(() -> java.util.List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide));
    }

    public static void runFx(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until true; fails after {@code seconds}. */
    public static void waitFor(String what, double seconds, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            if (Boolean.TRUE.equals(onFx(condition::get))) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Lets pending layout and pulses run. */
    public static void settle() {
        for (int i = 0; i < 3; i++) {
            runFx(() -> {});
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void snapshot(Scene scene, Path png) {
        WritableImage image = onFx(() -> scene.snapshot(null));
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
