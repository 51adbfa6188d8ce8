package dev.cruddur.admin.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;

/**
 * Every pane and every dialog ({@link WindowTour}) at 1024x700, 1280x800 and 1920x1080, light and
 * dark, into {@code docs/screenshots/matrix/WHAT-WxH-THEME.png}:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.ScreenshotMatrix}
 * (optional {@code -Dexec.args=OUTPUT_DIR}, default {@code docs/screenshots}; the PNGs go to its
 * {@code matrix/}). A dialog is drawn centred over its dimmed window on a canvas of the window's
 * size, so one larger than the window shows cut off (and is listed at the end). The PNGs are then
 * quantized to 256 colours by {@code src/test/python/quantize_pngs.py} where Debian's python3 has
 * PIL ({@code python3-pil}), which halves them; elsewhere they stay as rendered.
 */
public final class ScreenshotMatrix {
    static final int[][] SIZES = {{1024, 700}, {1280, 800}, {1920, 1080}};

    private ScreenshotMatrix() {}

    public static void main(String[] args) {
        FxHarness.screenshotMain(args, out -> render(out.resolve("matrix")));
    }

    static void render(Path out) throws Exception {
        List<String> tooLarge = new ArrayList<>();
        try (WindowTour tour = WindowTour.open()) {
            for (boolean dark : new boolean[] {false, true}) {
                for (int[] size : SIZES) {
                    String suffix = "-" + size[0] + "x" + size[1] + "-" + (dark ? "dark" : "light") + ".png";
                    tour.walk(size[0], size[1], dark, new WindowTour.Sight() {
                        @Override
                        public void pane(String what, Scene window) {
                            FxHarness.snapshot(window, out.resolve(what + suffix));
                        }

                        @Override
                        public void dialog(String what, Scene window, Scene dialog) {
                            if (!FxHarness.snapshotOver(window, dialog, out.resolve(what + suffix))) {
                                tooLarge.add(what + suffix + " (" + (int) dialog.getWidth() + "x" + (int) dialog.getHeight() + ")");
                            }
                        }
                    });
                }
            }
            System.out.println("screenshot matrix written to " + out.toAbsolutePath());
            if (!tour.withPostgres()) System.out.println("no Postgres here: the Postgres stops are left out");
        }
        tooLarge.forEach(t -> System.out.println("DIALOG LARGER THAN ITS WINDOW: " + t));
        quantize(out);
    }

    private static void quantize(Path out) throws Exception {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            Process probe;
            try {
                probe = new ProcessBuilder(python, "-c", "import PIL").redirectErrorStream(true).start();
            } catch (java.io.IOException notThere) {
                continue;
            }
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() != 0) continue;
            Process run = new ProcessBuilder(python, "src/test/python/quantize_pngs.py", out.toString()).inheritIO().start();
            if (!run.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || run.exitValue() != 0) {
                throw new IllegalStateException("quantize_pngs.py failed");
            }
            return;
        }
        System.out.println("no python3 with PIL (apt-get install python3-pil): the PNGs are left as rendered");
    }
}
