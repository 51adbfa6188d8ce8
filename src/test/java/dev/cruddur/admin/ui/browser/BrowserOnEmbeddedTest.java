package dev.cruddur.admin.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.ui.MainViewModel;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The pane's view models on the embedded engine: the same flows, and a repair that takes the transaction path. */
class BrowserOnEmbeddedTest {
    private static final String TABLE = "cruddur-messages";
    private static EmbeddedDynamo engine;
    private static DynamoDbClient client;
    private static MainViewModel main;
    private static BrowserViewModel browser;

    @BeforeAll
    static void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = DynamoClients.dynamo(engine.endpoint());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        main = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(EmbeddedEndpoint.UNAVAILABLE), Path.of("/tmp"),
                Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
        browser = new BrowserViewModel(main);
        main.connect(ConnectionProfile.local("embedded", engine.endpoint().toString(), TABLE));
    }

    @AfterAll
    static void stop() {
        main.shutdown();
        client.close();
        engine.close();
    }

    @Test
    void queryDescendingStaleSaveAndTransactionalRepair() {
        ItemBrowserViewModel items = browser.items();
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set(BrowserFixtures.MAIN_MESSAGES_PK);
        items.sortOperatorProperty().set(SortKeyOperator.BEGINS_WITH);
        items.sortValueProperty().set("20");
        items.ascendingProperty().set(false);
        items.pageSizeProperty().set(0);
        items.run();
        assertThat(items.rows()).hasSize(DemoFixture.MAIN_MESSAGES);
        assertThat(items.rows().stream().map(r -> (String) r.values().get("sk")).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        var row = items.rows().get(0);
        ItemEditorViewModel editor = items.editorFor(row);
        BrowserFixtures.changeMessage(client, TABLE, (String) row.values().get("pk"), (String) row.values().get("sk"), "Underneath");
        editor.textProperty().set(editor.textProperty().get().replace((String) row.values().get("message"), "Mine"));
        editor.save();
        assertThat(editor.refusalProperty().get()).contains("changed since it was read");

        BrowserFixtures.removeBaykosGroupRow(client, TABLE);
        ConsistencyViewModel check = browser.check();
        check.check();
        assertThat(check.counts()).isNotEmpty();
        check.repair(TABLE);
        assertThat(check.statusProperty().get()).contains("by transaction").contains("No findings");
    }
}
