package dev.cruddur.admin.ui;

import static dev.cruddur.admin.ui.FxHarness.awaitSceneWith;
import static dev.cruddur.admin.ui.FxHarness.onFx;
import static dev.cruddur.admin.ui.FxHarness.runFx;
import static dev.cruddur.admin.ui.FxHarness.waitFor;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.ui.browser.BrowserFixtures;
import dev.cruddur.admin.ui.browser.BrowserPane;
import dev.cruddur.admin.ui.browser.ItemBrowserViewModel;
import dev.cruddur.admin.ui.cache.CacheInspectorViewModel;
import dev.cruddur.admin.ui.cache.CachePane;
import dev.cruddur.admin.ui.cache.SetValueDialog;
import dev.cruddur.admin.ui.cache.TypedNameDialog;
import dev.cruddur.admin.ui.conversations.ConversationsPane;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.time.DatabaseScreenshots;
import dev.cruddur.admin.ui.time.MixedSortKeys;
import dev.cruddur.admin.ui.time.TimePane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * A walk through every pane and every dialog of one window, with the demo data, in the states a
 * user meets them in (results shown, dialogs filled in), stopping at each for a {@link Sight}: the
 * screenshot matrix draws it, {@code WindowAtEverySizeTest} looks for clipped text in it. The
 * embedded engine and cache serve the data; the connection names a real Cruddur Postgres where one
 * can run here (else the Postgres stops are left out).
 */
public final class WindowTour implements AutoCloseable {
    /** What is done at each stop: {@code what} names the pane or dialog in its state. */
    public interface Sight {
        void pane(String what, Scene window);

        void dialog(String what, Scene window, Scene dialog);
    }

    public static final String TABLE = "cruddur-messages";

    private final EmbeddedDynamo engine;
    private final CacheStore cache;
    private final ConnectionProfile profile;
    private final Path config;
    private final String configHomeBefore;
    private Sight sight;
    private DesktopApp.Assembled app;

    private WindowTour(EmbeddedDynamo engine, CacheStore cache, ConnectionProfile profile, Path config) {
        this.engine = engine;
        this.cache = cache;
        this.profile = profile;
        this.config = config;
        this.configHomeBefore = System.setProperty("cruddur.config.home", config.toString());
    }

    /** The engine and cache with the demo data, sort keys in every form, a lost group row; Postgres where it runs. */
    public static WindowTour open() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        Optional<String> postgres = DatabaseScreenshots.cruddurPostgres();
        EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        CacheStore cache = CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            MixedSortKeys.put(dm); // sort keys in the forms the stack wrote, for the lint and its migration
        }
        try (var client = DynamoClients.dynamo(engine.endpoint())) {
            BrowserFixtures.removeBaykosGroupRow(client, TABLE); // a lost write for the check to find
        }
        ConnectionProfile profile = new ConnectionProfile(postgres.isPresent() ? "Embedded + Cruddur's Postgres" : "Embedded",
                ConnectionProfile.Kind.LOCAL, engine.endpoint().toString(), null, null, TABLE, null, postgres.orElse(null));
        return new WindowTour(engine, cache, profile, Files.createTempDirectory("cruddur-tour"));
    }

    public boolean withPostgres() {
        return profile.postgres() != null;
    }

    @Override
    public void close() {
        if (configHomeBefore == null) System.clearProperty("cruddur.config.home");
        else System.setProperty("cruddur.config.home", configHomeBefore);
        cache.close();
        engine.close();
    }

    /** One window of one size and theme, walked through every pane and dialog; closed at the end. */
    public void walk(int width, int height, boolean dark, Sight sight) throws Exception {
        this.sight = sight;
        cache.flushCache(cache.cacheName());
        Stage stage = onFx(Stage::new);
        app = onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config, Optional.of(profile),
                Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.of("Europe/London"), dark, width, height)));
        MainViewModel main = app.main();
        try {
            waitFor("ready", 30, () -> main.stateProperty().get() == WindowSession.State.READY);
            runFx(() -> main.cache().use(cache.forCache(cache.cacheName())));
            conversations();
            cachePane();
            timePane();
            browser();
            connections();
            firstRun();
            unreachable();
        } finally {
            runFx(() -> main.cache().close());
            runFx(stage::close);
            FxHarness.closeAllWindows();
        }
    }

    private void conversations() {
        MainViewModel main = app.main();
        show("conversations");
        waitFor("conversations", 20, () -> main.conversations().shown().size() == 2);
        runFx(() -> main.conversations().selectedProperty().set(main.conversations().shown().get(0)));
        waitFor("messages", 20, () -> main.transcript().entries().size() > 10 && !main.transcript().loadingProperty().get());
        runFx(() -> main.transcript().textProperty().set("Season three next weekend? I'll bring the popcorn."));
        pane("conversations");

        // the dry run of the message being typed: the stream record and what the updater would write
        runFx(() -> main.streamMode().dryRun(main.transcript().conversationProperty().get(), main.transcript().viewerProperty().get(),
                main.transcript().textProperty().get()));
        dialog("stream-dry-run", "stream-dry-run-writes");

        // a new conversation, its recipient searched and picked, its first message typed
        runFx(() -> ((ConversationsPane) app.window().pane("conversations")).createNew());
        Scene dialog = awaitSceneWith("new-text");
        runFx(() -> ((TextField) dialog.lookup("#new-to-query")).setText("lon"));
        waitFor("search", 10, () -> !((javafx.scene.control.ListView<?>) dialog.lookup("#new-to-list")).getItems().isEmpty());
        runFx(() -> {
            ((javafx.scene.control.ListView<?>) dialog.lookup("#new-to-list")).getSelectionModel().select(0);
            ((TextArea) dialog.lookup("#new-text")).setText("Londo, the council meets at noon. Are you coming?");
        });
        dialog("new-conversation", "new-text");
    }

    private void cachePane() throws Exception {
        MainViewModel main = app.main();
        String mainKey = CacheKeys.messages(DemoFixture.MAIN_GROUP);
        cache.increment("msgs/andrewbrown", 57, Duration.ofSeconds(600));
        PageReads reads = main.cache().reads();
        for (int i = 0; i < 4; i++) { // traffic for the chart: hits, a miss after a delete
            if (i == 2) cache.delete(mainKey);
            reads.messages(main.session(), DemoFixture.MAIN_GROUP, Optional.empty(), 30, PageReads.Mode.THROUGH_CACHE);
            reads.conversations(main.session(), DemoFixture.ANDREW_BROWN, Optional.empty(), 25, PageReads.Mode.THROUGH_CACHE);
        }
        show("cache");
        CachePane pane = (CachePane) app.window().pane("cache");
        CacheInspectorViewModel vm = pane.viewModel();
        waitFor("keys", 20, () -> vm.keyGroups().size() >= 3);
        runFx(() -> vm.lookUp(mainKey));
        waitFor("hit", 10, () -> vm.statusProperty().get() == CacheInspectorViewModel.Status.HIT);
        runFx(vm::staleCheck);
        waitFor("stale", 10, () -> vm.staleReportProperty().get() != null);
        pane("cache-scalar");

        // Set value on the scalar key: its text, a shorter TTL typed
        SetValueDialog set = onFx(() -> {
            SetValueDialog d = new SetValueDialog(app.window().scene().getWindow(), mainKey, vm.rawValueProperty().get(), 600);
            d.show();
            ((TextField) d.getDialogPane().lookup("#set-value-ttl")).setText("300");
            return d;
        });
        dialog("cache-set-value", set.getDialogPane().getScene());
        runFx(set::close);

        String board = "leaderboard/messages-this-week";
        cache.delete(board);
        String[] handles = {"andrewbrown", "bayko", "londo", "vir", "gkar", "delenn"};
        double[] scores = {57, 41, 33, 12, 12, 3};
        for (int i = 0; i < handles.length; i++) cache.collections().sortedSetPut(board, handles[i], scores[i]);
        runFx(() -> vm.lookUp(board));
        waitFor("collection", 10, () -> vm.collectionRows().size() == handles.length);
        pane("cache-collection");

        // the flush confirmation, the cache's name half typed (Flush still disabled)
        TypedNameDialog flush = onFx(() -> {
            TypedNameDialog d = new TypedNameDialog(app.window().scene().getWindow(), "Flush the cache 'cruddur'",
                    "Every item of 'cruddur' is removed. Reads fill it again from DynamoDB.", "cruddur", "Flush");
            d.show();
            d.field().setText("crud");
            return d;
        });
        dialog("cache-flush", flush.getDialogPane().getScene());
        runFx(flush::close);

        // Create cache…: its name asked, the usual one offered (left unanswered: nothing is created)
        javafx.scene.control.MenuItem create = onFx(() -> ((javafx.scene.control.MenuButton) app.window().scene().lookup("#caches-menu"))
                .getItems().stream().filter(i -> "create-cache".equals(i.getId())).findFirst().orElseThrow());
        javafx.application.Platform.runLater(create::fire); // it waits for its answer: fired without waiting for it
        Scene ask = awaitSceneTitled("Create a cache");
        dialog("cache-create", ask);
        runFx(() -> ask.getWindow().hide());
        runFx(pane::stop);
    }

    private void timePane() {
        show("time");
        TimePane pane = (TimePane) onFx(() -> app.window().pane("time"));
        runFx(() -> {
            pane.showConversion();
            pane.conversion().assumedZoneProperty().set(ZoneId.of("UTC"));
            pane.conversionView().input().setText("2023-04-15 13:15:19.922515+00");
        });
        if (profile.postgres() != null) {
            FxHarness.settle();
            runFx(() -> pane.database().ask());
            waitFor("asked", 20, () -> !pane.database().rows().isEmpty());
        }
        pane("time-conversion");

        runFx(() -> {
            pane.showLint();
            pane.lint().lint();
        });
        waitFor("lint", 30, () -> pane.lint().reportProperty().get() != null && !pane.lint().runningProperty().get());
        runFx(() -> pane.lintView().findingsTable().getSelectionModel().select(1));
        waitFor("item", 10, () -> pane.lint().itemTextProperty().get().startsWith("pk = "));
        pane("time-lint");
        waitFor("migration planned", 30, () -> pane.lint().canApplyProperty().get());
        runFx(() -> pane.lintView().tabs().getSelectionModel().select(1));
        pane("time-migration-dry-run");
        runFx(() -> pane.lintView().askAndApply().typed().setText(TABLE.substring(0, 9)));
        dialog("time-confirm-table-name", "confirm-table-name");
        runFx(() -> pane.lintView().tabs().getSelectionModel().select(0));
    }

    private void browser() throws Exception {
        show("browser");
        BrowserPane pane = (BrowserPane) app.window().pane("browser");
        ItemBrowserViewModel items = pane.viewModel().items();
        waitFor("first scan", 20, () -> !items.rows().isEmpty() && !items.loadingProperty().get());
        String since = Clock.systemUTC().instant().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(30)).toString().substring(0, 16);
        runFx(() -> {
            pane.tabs().getSelectionModel().select(0);
            items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
            items.partitionValueProperty().set("MSG#" + DemoFixture.MAIN_GROUP);
            items.sortOperatorProperty().set(SortKeyOperator.GT);
            items.sortValueProperty().set(since);
            items.ascendingProperty().set(false);
            items.pageSizeProperty().set(25);
            items.run();
        });
        waitFor("query", 20, () -> items.rows().size() >= 10 && !items.loadingProperty().get());
        runFx(() -> pane.itemsView().resultsTable().getSelectionModel().select(1));
        pane("browser-items");

        // the table's details unfolded (read when unfolded), then folded again for the stops below
        runFx(() -> ((javafx.scene.control.TitledPane) app.window().scene().lookup("#browser-details")).setExpanded(true));
        waitFor("details", 20, () -> !items.details().loadingProperty().get() && !items.details().factsProperty().get().isEmpty());
        pane("browser-table-details");
        runFx(() -> ((javafx.scene.control.TitledPane) app.window().scene().lookup("#browser-details")).setExpanded(false));

        // three rows chosen for deleting: the confirmation lists their keys (left unanswered: nothing is deleted)
        runFx(() -> {
            pane.itemsView().resultsTable().getSelectionModel().selectIndices(1, 2, 3);
            pane.itemsView().confirmDelete();
        });
        dialog("browser-delete-confirm", "delete-confirmation");
        runFx(() -> pane.itemsView().resultsTable().getSelectionModel().clearAndSelect(1));

        // the item editor with the message retyped, not yet saved
        runFx(() -> ((ButtonBase) app.window().scene().lookup("#browser-edit")).fire());
        Scene editor = awaitSceneWith("editor-text");
        String message = onFx(() -> (String) items.rows().get(1).values().get("message"));
        runFx(() -> {
            TextArea text = (TextArea) editor.lookup("#editor-text");
            text.setText(text.getText().replace(message, message.replace(".", "") + " (edited)"));
        });
        dialog("browser-item-editor", editor);
        runFx(() -> ((ButtonBase) editor.lookup("#editor-delete")).fire());
        dialog("browser-editor-delete-confirm", "editor-delete-confirmation");
        runFx(() -> editor.getWindow().hide());

        runFx(() -> {
            pane.tabs().getSelectionModel().select(pane.tabs().getTabs().stream().filter(t -> "tab-partiql".equals(t.getId())).findFirst().orElseThrow());
            var partiql = pane.viewModel().partiql();
            partiql.statementProperty().set("SELECT sk, message, user_handle FROM \"" + TABLE + "\"\n  WHERE pk = ? AND begins_with(sk, '20')\n  ORDER BY sk DESC");
            partiql.parametersProperty().set("\"MSG#" + DemoFixture.MAIN_GROUP + "\"");
            partiql.pageSizeProperty().set(25);
            partiql.run();
        });
        waitFor("partiql", 20, () -> pane.viewModel().partiql().rows().size() >= 10 && !pane.viewModel().partiql().loadingProperty().get());
        pane("browser-partiql");

        var check = pane.viewModel().check();
        runFx(() -> {
            pane.tabs().getSelectionModel().select(tabOf(pane, pane.checkView()));
            check.check();
        });
        waitFor("check", 30, () -> check.reportProperty().get() != null && !check.checkingProperty().get());
        pane("browser-check");
        // the repair's type-to-confirm, the table's name partly typed
        runFx(() -> ((ButtonBase) app.window().scene().lookup("#check-repair")).fire());
        Scene confirm = awaitSceneWith("confirm-name");
        runFx(() -> ((TextField) confirm.lookup("#confirm-name")).setText("cruddur-mess"));
        dialog("browser-repair-confirm", confirm);
        runFx(() -> confirm.getWindow().hide());

        Path in = Files.createTempFile("import", ".jsonl");
        Files.writeString(in, "{\"pk\":{\"S\":\"NOTE#1\"},\"sk\":{\"S\":\"a\"}}\nnot json\n{\"sk\":{\"S\":\"no pk\"}}\n");
        runFx(() -> {
            pane.tabs().getSelectionModel().select(tabOf(pane, pane.transferView()));
            pane.viewModel().transfer().importFile(in);
        });
        waitFor("import", 20, () -> !pane.viewModel().transfer().runningProperty().get()
                && !pane.viewModel().transfer().resultProperty().get().isEmpty());
        pane("browser-import-export");
        try (var client = DynamoClients.dynamo(engine.endpoint())) { // every window starts from the same table
            client.deleteItem(r -> r.tableName(TABLE).key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOTE#1"),
                    "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"))));
        }
        runFx(() -> pane.tabs().getSelectionModel().select(0));
    }

    private static int tabOf(BrowserPane pane, javafx.scene.Node view) {
        for (int i = 0; i < pane.tabs().getTabs().size(); i++) {
            javafx.scene.Node content = pane.tabs().getTabs().get(i).getContent();
            for (javafx.scene.Node n = view; n != null; n = n.getParent()) if (n == content) return i;
        }
        throw new IllegalStateException("no tab holds " + view);
    }

    private void connections() {
        runFx(() -> app.window().openConnections());
        Scene dialog = awaitSceneWith("profiles"); // the connection in use listed and chosen (it came from this run's options)
        dialog("connections", dialog);
        if (profile.postgres() != null) { // the profile's Postgres part, tested
            runFx(() -> ((ButtonBase) dialog.lookup("#profile-test")).fire());
            waitFor("tested", 20, () -> !app.connections().testingProperty().get() && !app.connections().testResultProperty().get().isEmpty());
            runFx(() -> dialog.lookup("#profile-postgres").requestFocus());
            dialog("connections-postgres", dialog);
        }
        // a new connection, being filled in: a name, an endpoint nothing listens on, tested
        runFx(() -> {
            app.connections().newProfile();
            app.connections().nameProperty().set("Dynalite on the laptop");
            app.connections().kindProperty().set(ConnectionProfile.Kind.LOCAL);
            app.connections().endpointProperty().set("http://127.0.0.1:" + dev.cruddur.admin.testsupport.DynaliteServer.freePort());
            ((ButtonBase) dialog.lookup("#profile-test")).fire();
        });
        waitFor("tested", 30, () -> !app.connections().testingProperty().get() && !app.connections().testResultProperty().get().isEmpty());
        dialog("connections-new-unreachable", dialog);
        runFx(() -> dialog.getWindow().hide());
    }

    /** A first start on an endpoint without Cruddur's table: create it, or load the demo data. */
    private void firstRun() {
        ConnectionProfile empty = ConnectionProfile.local("Local dynalite", engine.endpoint().toString(), "cruddur-messages-dev");
        runFx(() -> app.main().connect(empty));
        waitFor("no table", 20, () -> app.main().stateProperty().get() == WindowSession.State.NO_TABLE);
        pane("first-run");
    }

    /** A local endpoint the window was reading, killed: F5 finds it gone; the badge and the panes say so, with a retry. */
    private void unreachable() {
        EmbeddedDynamo doomed = EmbeddedDynamo.start(EngineConfig.inMemory());
        try {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(doomed.endpoint(), TABLE))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            MainViewModel main = app.main();
            runFx(() -> main.connect(ConnectionProfile.local("Local dynalite", doomed.endpoint().toString(), TABLE)));
            waitFor("ready", 20, () -> main.stateProperty().get() == WindowSession.State.READY);
            show("conversations");
            waitFor("conversations", 20, () -> !main.conversations().shown().isEmpty());
        } finally {
            doomed.close();
        }
        runFx(() -> app.main().refresh());
        waitFor("unreachable", 60, () -> app.main().stateProperty().get() == WindowSession.State.UNREACHABLE);
        pane("unreachable");
    }

    /** Waits until a window titled {@code title} shows (a dialog whose controls have no ids), and returns its scene. */
    private static Scene awaitSceneTitled(String title) {
        waitFor("a window titled " + title, 20, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w instanceof Stage st && title.equals(st.getTitle())));
        FxHarness.settle();
        return onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage st && title.equals(st.getTitle()))
                .findFirst().orElseThrow().getScene());
    }

    private void show(String pane) {
        runFx(() -> ((ButtonBase) app.window().scene().lookup("#nav-" + pane)).fire());
    }

    private void pane(String what) {
        FxHarness.settle();
        sight.pane(what, app.window().scene());
    }

    private void dialog(String what, Scene dialog) {
        FxHarness.settle();
        sight.dialog(what, app.window().scene(), dialog);
    }

    /** The dialog holding {@code #idInside}, seen, then closed. */
    private void dialog(String what, String idInside) {
        Scene dialog = awaitSceneWith(idInside);
        dialog(what, dialog);
        runFx(() -> dialog.getWindow().hide());
    }
}
