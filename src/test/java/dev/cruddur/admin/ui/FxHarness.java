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
            // Monocle's headless screen is 1280x800 unless told: a larger window overflows its painter
            if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", "1920x1080-32");
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

    /**
     * A fresh window on the table at {@code endpoint}, viewed as @andrewbrown at 1024×700 in UTC,
     * once it is ready: the set-up of the flow tests that drive the whole window.
     */
    public static DesktopApp.Assembled openWindow(javafx.stage.Stage stage, Path config, java.net.URI endpoint, String table) {
        closeAllWindows();
        DesktopApp.Assembled app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                java.util.Optional.of(dev.cruddur.admin.app.connect.ConnectionProfile.local("Embedded test", endpoint.toString(), table)),
                java.util.Optional.of("andrewbrown"), java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC, false, 1024, 700)));
        waitFor("ready", 30, () -> app.main().stateProperty().get() == dev.cruddur.admin.ui.shell.WindowSession.State.READY);
        runFx(stage::toFront);
        return app;
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

    /** The scene of the showing window (a dialog) that holds a node with this id, or null. */
    public static Scene sceneWith(String id) {
        return onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#" + id) != null).findFirst().map(javafx.stage.Window::getScene).orElse(null));
    }

    /** Waits until a window holding {@code #id} shows, and returns its scene. */
    public static Scene awaitSceneWith(String id) {
        waitFor("a window with #" + id, 20, () -> sceneWith(id) != null);
        settle();
        return sceneWith(id);
    }

    /**
     * A dialog as a user sees it: centred over its window, the window dimmed behind it, on a
     * canvas the size of the window, so a dialog larger than its window shows cut off. Returns
     * whether the dialog fits.
     */
    public static boolean snapshotOver(Scene window, Scene dialog, Path png) {
        java.awt.image.BufferedImage back = SwingFXUtils.fromFXImage(onFx(() -> window.snapshot(null)), null);
        java.awt.image.BufferedImage front = SwingFXUtils.fromFXImage(onFx(() -> dialog.snapshot(null)), null);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(back.getWidth(), back.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(back, 0, 0, null);
        g.setColor(new java.awt.Color(0, 0, 0, 90));
        g.fillRect(0, 0, back.getWidth(), back.getHeight());
        int x = (back.getWidth() - front.getWidth()) / 2;
        int y = Math.max(0, (back.getHeight() - front.getHeight()) / 3);
        g.drawImage(front, x, y, null);
        g.setColor(new java.awt.Color(120, 120, 120));
        g.drawRect(x - 1, y - 1, front.getWidth() + 1, front.getHeight() + 1);
        g.dispose();
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(out, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return front.getWidth() <= back.getWidth() && front.getHeight() <= back.getHeight();
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
