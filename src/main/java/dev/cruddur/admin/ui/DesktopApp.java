package dev.cruddur.admin.ui;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.WindowPreferences;
import dev.cruddur.admin.app.connect.AwsConfigProfiles;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.ConnectionProfiles;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.app.connect.StartupConnection;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.Themes;
import dev.cruddur.admin.ui.connect.ConnectionsViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop window. */
public final class DesktopApp extends Application {
    /** What a window is assembled from; tests and screenshots give their own. */
    public record Settings(Path configDir, Optional<ConnectionProfile> override, Optional<String> viewer,
                           Clock clock, ZoneId zone, boolean dark, double width, double height) {
        public static Settings fromEnvironment() {
            Map<String, String> env = System.getenv();
            var props = System.getProperties();
            Path configDir = ConnectionProfiles.configDir(env, props);
            // -Dcruddur.dark decides for this run; otherwise the theme the user last chose
            boolean dark = props.containsKey("cruddur.dark") ? Boolean.getBoolean("cruddur.dark")
                    : new WindowPreferences(configDir).dark();
            return new Settings(configDir, StartupConnection.override(env, props),
                    StartupConnection.viewer(env, props), Clock.systemUTC(), ZoneId.systemDefault(), dark, 1200, 760);
        }
    }

    /** The assembled window and its view models. */
    public record Assembled(MainViewModel main, ConnectionsViewModel connections, MainWindow window, BackgroundTasks tasks) {}

    private Assembled assembled;

    /** Read on the launching thread, before the toolkit starts: it reads a file, and the FX thread does no I/O. */
    private static volatile Settings launchSettings;

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
     * whenever its classes are on the classpath rather than the module path. They are, by design:
     * {@code java -jar} (and the packaged app, which runs the same jar) has no module path, and
     * the jar's plain {@code Launcher} main class is what makes that start at all. The one real
     * fix is to run with {@code --module-path <javafx jars> --add-modules javafx.controls}, which
     * a single jar cannot do for itself; so exactly that record is filtered out, and every other
     * JavaFX warning still shows. Held here: a logger only weakly referenced loses its filter.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    static void dropClasspathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /**
     * One pooled-buffer arena of each kind for gRPC's Netty (the Momento SDK's client and the
     * embedded cache server, both in this process), instead of two per core: the window's cache
     * traffic is a few small messages on loopback, and each arena holds 4 MB chunks of direct
     * memory (and of heap) once used. Measured with {@code WindowSoak}: direct memory 15 MB to
     * 6-9 MB. Set before any Netty class loads; an explicit -D wins.
     */
    static void fewerNettyArenas() {
        for (String kind : new String[] {"numDirectArenas", "numHeapArenas"}) {
            String name = "io.grpc.netty.shaded.io.netty.allocator." + kind;
            if (System.getProperty(name) == null) System.setProperty(name, "1");
        }
    }

    /**
     * Prism's software pipeline straight away where OpenGL can only be software: on Linux with no
     * GPU device node ({@code /dev/dri/*}, {@code /dev/nvidia*}), as under Xvfb, in a VM without a
     * GPU or a container, Mesa's llvmpipe is the only GL, and Prism's es2 pipeline refuses it
     * ("Failed Graphics Hardware Qualifier check") only after loading it: libGL, swrast_dri and
     * libLLVM stay mapped for the life of the process (about 50 MB resident) with llvmpipe's
     * threads, and the software pipeline draws anyway. Measured with {@code WindowSoak} under Xvfb:
     * 40 MB less resident. With a GPU device nothing changes (es2, then sw); an explicit
     * {@code -Dprism.order} wins.
     */
    static void softwarePipelineWithoutGpu() {
        if (System.getProperty("os.name", "").startsWith("Linux")) softwarePipelineWithoutGpu(Path.of("/dev"));
    }

    static void softwarePipelineWithoutGpu(Path dev) {
        if (System.getProperty("prism.order") == null && !hasGpuDevice(dev)) System.setProperty("prism.order", "sw");
    }

    /** A DRM device ({@code dri/card*}, {@code dri/renderD*}) or NVIDIA's own nodes under {@code dev}. */
    static boolean hasGpuDevice(Path dev) {
        try (var dri = Files.list(dev.resolve("dri"))) {
            if (dri.anyMatch(p -> p.getFileName().toString().startsWith("card") || p.getFileName().toString().startsWith("renderD"))) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // no dri directory: look for NVIDIA's nodes below
        }
        try (var nodes = Files.list(dev)) {
            return nodes.anyMatch(p -> p.getFileName().toString().startsWith("nvidia"));
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: leave Prism's own order
        }
    }

    public static void launchWindow(String[] args) {
        StartupTimeline.mark("main");
        fewerNettyArenas();
        softwarePipelineWithoutGpu();
        dropClasspathWarning();
        Settings settings = Settings.fromEnvironment();
        // the launch's window takes this opener in assemble(), so the endpoint started early below is the one it opens
        ConnectionOpener opener = new ConnectionOpener(EmbeddedEndpoint.installed());
        // read once: the early start below and the window's list of connections share the read
        ConnectionProfiles profiles = new ConnectionProfiles(settings.configDir(), settings.clock());
        launchSettings = settings;
        launchOpener = opener;
        launchProfiles = profiles;
        Thread preload = new Thread(() -> {
            DirectMessages.preload(); // the SDK's classes load while the toolkit starts
            startEmbeddedEarly(settings, opener, profiles);
            StartupTimeline.markThreadEnd("preload done");
        }, "cruddur-preload");
        preload.setDaemon(true);
        preload.start();
        Application.launch(DesktopApp.class, args);
    }

    /** The launch's opener, whose embedded engine {@link #startEmbeddedEarly} may have started already. */
    private static volatile ConnectionOpener launchOpener;
    /** The launch's saved connections, read once (by {@link #startEmbeddedEarly} or the window, whichever comes first). */
    private static volatile ConnectionProfiles launchProfiles;

    /**
     * When the connection the window will open is the embedded one, its engine and cache start
     * beside the toolkit instead of after it: the first conversation waits for them, not for the
     * window. The window's own connect then finds them started (the endpoint starts a directory
     * once; a connect that comes while this runs waits for it). Any failure is left for that
     * connect to meet and report.
     */
    private static void startEmbeddedEarly(Settings s, ConnectionOpener opener, ConnectionProfiles profiles) {
        try {
            ConnectionProfile first = s.override().orElseGet(() -> profiles.loadOnce().selected());
            if (first != null && first.kind() == ConnectionProfile.Kind.EMBEDDED && first.problem() == null) {
                opener.targetOf(first, ConnectionProfiles.embeddedDataDir(s.configDir(), System.getenv()));
                StartupTimeline.mark("embedded engine and cache started");
            }
        } catch (RuntimeException leftForTheConnect) {
            // the window's connect opens the same profile and shows what went wrong
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTimeline.mark("toolkit started");
        assembled = assemble(stage, launchSettings != null ? launchSettings : Settings.fromEnvironment());
    }

    /** Builds the window on {@code stage}, shows it, and starts connecting (in the background). */
    public static Assembled assemble(Stage stage, Settings s) {
        BackgroundTasks tasks = BackgroundTasks.forFx();
        ConnectionOpener launched = launchOpener;
        ConnectionProfiles launchedProfiles = launchProfiles;
        launchOpener = null; // one window per launch: a window assembled later starts its own
        launchProfiles = null;
        ConnectionOpener opener = launched != null ? launched : new ConnectionOpener(EmbeddedEndpoint.installed());
        ConnectionProfiles profiles = launchedProfiles != null ? launchedProfiles : new ConnectionProfiles(s.configDir(), s.clock());
        Path dataDir = ConnectionProfiles.embeddedDataDir(s.configDir(), System.getenv());
        MainViewModel main = new MainViewModel(tasks, opener, dataDir, s.clock(), s.zone(), s.viewer());
        ConnectionsViewModel connections = new ConnectionsViewModel(tasks, profiles,
                opener, dataDir, main, () -> AwsConfigProfiles.names(AwsConfigProfiles.configFile(System.getenv())));
        // connecting starts first: the profiles load and the connection opens while the window is built
        connections.startUp(s.override());
        main.cache().openConfigured(System.getenv());
        main.darkProperty().set(s.dark());
        Themes.apply(s.dark());
        WindowPreferences preferences = new WindowPreferences(s.configDir());
        main.darkProperty().addListener((o, a, dark) -> {
            Themes.apply(dark);
            tasks.run(p -> {
                preferences.saveDark(dark);
                return null;
            }, saved -> {}, failure -> main.showNotice("The theme could not be saved: " + failure.getMessage()));
        });
        MainWindow window = new MainWindow(main, connections, s.width(), s.height());
        stage.setTitle("Cruddur Admin");
        stage.setScene(window.scene());
        stage.setOnHidden(e -> {
            main.shutdown();
            tasks.shutdown();
        });
        StartupTimeline.follow(window.scene(), window, main);
        stage.show();
        StartupTimeline.mark("window shown");
        return new Assembled(main, connections, window, tasks);
    }

    @Override
    public void stop() {
        if (assembled != null) assembled.main().shutdown();
    }
}
