package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.PostgresServer;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.UserSearch;
import dev.cruddur.admin.ui.conversations.NewConversationViewModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The window's view models with a connection whose profile names Cruddur's Postgres (a real
 * PostgreSQL with Cruddur's users schema and a few thousand users): "viewing as" and "new
 * conversation" search all of public.users a page at a time; a wrong password is said plainly in
 * the search while the conversations still load.
 */
@Timeout(120)
class PostgresUsersInTheWindowTest {
    private static EmbeddedDynamo engine;
    private static PostgresServer pg;
    private static final String TABLE = "window-pg";

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresServer.shared();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        pg.createDatabase("cruddur_window");
        pg.loadCruddurUsersSchema("cruddur_window");
        try (Connection c = pg.admin("cruddur_window"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) VALUES "
                    + "('Garibaldi Michael', 'garibaldi', 'chief@babylon5.org', 'MOCK')");
            st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) "
                    + "SELECT 'Crew ' || i, 'crew' || i, 'crew' || i || '@babylon5.org', 'c' || i FROM generate_series(1, 2500) i");
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
    }

    private MainViewModel window(Map<String, String> env) {
        return window(env, "cruddur_window");
    }

    private MainViewModel window(Map<String, String> env, String database) {
        MainViewModel main = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(EmbeddedEndpoint.UNAVAILABLE, env),
                Path.of("/tmp"), Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
        main.connect(new ConnectionProfile("pg", ConnectionProfile.Kind.LOCAL, engine.endpoint().toString(), null, null, TABLE, null,
                pg.url(database)));
        assertThat(main.stateProperty().get()).isEqualTo(MainViewModel.State.READY);
        return main;
    }

    private static UserSearch.Result search(UserSearch source, String query, Optional<String> cursor) {
        AtomicReference<UserSearch.Result> got = new AtomicReference<>();
        source.search(query, cursor, got::set);
        return got.get();
    }

    @Test
    void viewingAsSearchesEveryCruddurUserAPageAtATime() {
        MainViewModel main = window(Map.of("PGPASSWORD", PostgresServer.PASSWORD));
        assertThat(search(main::searchUsers, "babylon5.org", Optional.empty()).page().items()).hasSize(100);
        List<User> everyone = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            UserSearch.Result page = search(main::searchUsers, "", cursor);
            everyone.addAll(page.page().items());
            cursor = page.page().nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(everyone).hasSize(2501);
        assertThat(pages).isEqualTo(26);
        assertThat(search(main::searchUsers, "chief@", Optional.empty()).page().items()).extracting(User::handle).containsExactly("garibaldi");
    }

    @Test
    void aConversationWithAUserWhoHasNoRowsStartsWithTheirPostgresNames() {
        MainViewModel main = window(Map.of("PGPASSWORD", PostgresServer.PASSWORD));
        NewConversationViewModel vm = new NewConversationViewModel(main, main.cache().reads(), main.conversations());
        User garibaldi = search(vm::search, "garibaldi", Optional.empty()).page().items().get(0);
        vm.toProperty().set(garibaldi);
        vm.textProperty().set("Chief, a word.");
        vm.start();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.refusalProperty().get()).isNull();
        assertThat(vm.startedProperty().get()).isNotNull();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), TABLE))) {
            var theirs = dm.allConversations(garibaldi);
            assertThat(theirs).hasSize(1);
            assertThat(theirs.get(0).other().handle()).isEqualTo(main.viewerProperty().get().handle());
            var mine = dm.allConversations(main.viewerProperty().get());
            assertThat(mine).anySatisfy(c -> {
                assertThat(c.other().uuid()).isEqualTo(garibaldi.uuid());
                assertThat(c.other().displayName()).isEqualTo("Garibaldi Michael");
            });
        }
    }

    @Test
    void aWrongPasswordIsSaidInTheSearchAndTheRestOfTheWindowWorks() {
        MainViewModel main = window(Map.of("PGPASSWORD", "wrong"));
        assertThat(main.conversations().shown()).isNotEmpty();
        UserSearch.Result result = search(main::searchUsers, "gar", Optional.empty());
        assertThat(result.page()).isNull();
        assertThat(result.error()).isEqualTo("Cruddur's users could not be searched: Postgres refused the password for 'postgres' at 127.0.0.1:"
                + pg.port() + " (password from PGPASSWORD).");
    }

    @Test
    void aDatabaseWithoutCruddursUsersTableIsSaidInTheSearch() throws Exception {
        pg.createDatabase("cruddur_no_users");
        MainViewModel main = window(Map.of("PGPASSWORD", PostgresServer.PASSWORD), "cruddur_no_users");
        assertThat(main.conversations().shown()).isNotEmpty();
        UserSearch.Result result = search(main::searchUsers, "gar", Optional.empty());
        assertThat(result.page()).isNull();
        assertThat(result.error()).isEqualTo("Cruddur's users could not be searched: There is no table public.users in postgres@127.0.0.1:"
                + pg.port() + "/cruddur_no_users: is this Cruddur's database (its schema loaded)?");
        assertThat(result.error()).doesNotContain(PostgresServer.PASSWORD);
    }

    @Test
    void theTimePaneAsksTheDatabaseAndMarksNoDisagreement() {
        MainViewModel main = window(Map.of("PGPASSWORD", PostgresServer.PASSWORD));
        var parsed = new javafx.beans.property.SimpleObjectProperty<dev.cruddur.admin.time.ParsedTime>();
        var zones = javafx.collections.FXCollections.observableArrayList(java.time.ZoneId.of("America/New_York"), java.time.ZoneId.of("+05:30"));
        var vm = new dev.cruddur.admin.ui.time.DatabaseAnswersViewModel(BackgroundTasks.inline(), main::session,
                parsed, zones);
        assertThat(vm.availableProperty().get()).isTrue();
        parsed.set(((dev.cruddur.admin.time.ParseOutcome.Parsed) dev.cruddur.admin.time.TimeParser.parse("2023-03-12T02:30:00",
                java.time.ZoneId.of("America/New_York"))).time());
        vm.ask();
        assertThat(vm.rows()).hasSize(5).allSatisfy(r -> assertThat(r.agrees()).as(r.toString()).isTrue());
        assertThat(vm.statusProperty().get()).startsWith("SHOW timezone: ").contains("agrees with every computed form");
        parsed.set(((dev.cruddur.admin.time.ParseOutcome.Parsed) dev.cruddur.admin.time.TimeParser.parse("1681564519")).time());
        assertThat(vm.rows()).isEmpty(); // an answer belongs to the value it was asked for
        vm.ask();
        assertThat(vm.rows().get(0).database()).startsWith("refused: ");
    }
}
