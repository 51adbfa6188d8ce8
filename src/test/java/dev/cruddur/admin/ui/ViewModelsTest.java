package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.shell.WindowSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.conversations.ConversationListViewModel;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import dev.cruddur.admin.ui.messages.TranscriptViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view models on the real data layer against dynalite, without the FX toolkit (work runs inline). */
class ViewModelsTest {
    private static DynaliteServer dynalite;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private MainViewModel main;
    private String table;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @BeforeEach
    void seededTable() {
        table = "vm-" + TABLES.incrementAndGet();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        main = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(EmbeddedEndpoint.UNAVAILABLE), Path.of("/tmp"),
                Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
        main.connect(ConnectionProfile.local("t", dynalite.endpoint().toString(), table));
    }

    @Test
    void connectingShowsAndrewBrownsConversationsNewestFirst() {
        assertThat(main.stateProperty().get()).isEqualTo(WindowSession.State.READY);
        assertThat(main.badgeProperty().get()).isEqualTo(WindowSession.Badge.LOCAL);
        assertThat(main.viewerProperty().get()).isEqualTo(DemoFixture.ANDREW_BROWN);
        assertThat(main.conversations().shown()).extracting(c -> c.other().handle()).containsExactly("bayko", "londo");
        assertThat(main.limitationsProperty().get()).contains("no transactions: writes are ordered");
        assertThat(main.lastCallProperty().get()).isNotEmpty();
    }

    @Test
    void filterNarrowsTheList() {
        main.conversations().filterProperty().set("@lon");
        assertThat(main.conversations().shown()).extracting(c -> c.other().handle()).containsExactly("londo");
        main.conversations().filterProperty().set("nobody-like-this");
        assertThat(main.conversations().shown()).isEmpty();
        assertThat(main.conversations().emptyTextProperty().get()).contains("No conversation matches");
    }

    @Test
    void transcriptPagesBackToTheFirstMessageInOrder() {
        TranscriptViewModel t = main.transcript();
        List<Integer> prepended = new java.util.ArrayList<>();
        t.setOnOlderPrepended(prepended::add);
        main.conversations().selectedProperty().set(main.conversations().shown().get(0));
        assertThat(bubbles(t)).hasSize(TranscriptViewModel.PAGE);
        while (t.hasOlderProperty().get()) t.loadOlder();
        List<Message> all = bubbles(t);
        assertThat(all).hasSize(DemoFixture.MAIN_MESSAGES);
        assertThat(all.get(0).text()).isEqualTo("Have you watched Babylon 5 yet?");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).createdAt().instant().get()).isAfter(all.get(i - 1).createdAt().instant().get());
        }
        assertThat(prepended).hasSize(3).allMatch(n -> n > 0);
        assertThat(t.entries().get(0)).isInstanceOf(TranscriptEntry.Day.class);
        // own messages on the right
        assertThat(t.entries().stream().filter(e -> e instanceof TranscriptEntry.Bubble b && b.mine()).count()).isEqualTo(50);
    }

    @Test
    void refusedInputSaysWhyAndWritesNothing() {
        TranscriptViewModel t = main.transcript();
        main.conversations().selectedProperty().set(main.conversations().shown().get(1));
        t.textProperty().set("   ");
        t.send();
        assertThat(t.refusalProperty().get()).contains("empty");
        t.textProperty().set("x".repeat(1025));
        assertThat(t.counterProperty().get()).isEqualTo("1025/1024");
        assertThat(t.overLimitProperty().get()).isTrue();
        t.send();
        assertThat(t.refusalProperty().get()).contains("1025").contains("1024");
        assertThat(main.session().allMessages(DemoFixture.LONDO_GROUP)).hasSize(3);
    }

    @Test
    void sendAppendsAndMovesTheConversationToTheTop() {
        TranscriptViewModel t = main.transcript();
        main.conversations().selectedProperty().set(main.conversations().shown().get(1));
        t.textProperty().set("Ambassador, about that dinner.");
        t.send();
        assertThat(t.sendErrorProperty().get()).isNull();
        assertThat(t.textProperty().get()).isEmpty();
        TranscriptEntry last = t.entries().get(t.entries().size() - 1);
        assertThat(((TranscriptEntry.Bubble) last).message().text()).isEqualTo("Ambassador, about that dinner.");
        assertThat(((TranscriptEntry.Bubble) last).mine()).isTrue();
        Conversation top = main.conversations().shown().get(0);
        assertThat(top.other().handle()).isEqualTo("londo");
        assertThat(top.lastMessage()).isEqualTo("Ambassador, about that dinner.");
        assertThat(main.conversations().selectedProperty().get().groupUuid()).isEqualTo(DemoFixture.LONDO_GROUP);
    }

    @Test
    void aDraftStaysWithItsConversation() {
        TranscriptViewModel t = main.transcript();
        main.conversations().selectedProperty().set(main.conversations().shown().get(1));
        t.textProperty().set("Half-written reply to Londo");
        main.conversations().selectedProperty().set(main.conversations().shown().get(0));
        assertThat(t.textProperty().get()).isEmpty();
        main.conversations().selectedProperty().set(main.conversations().shown().get(1));
        assertThat(t.textProperty().get()).isEqualTo("Half-written reply to Londo");
    }

    @Test
    void aMissingTableOffersSetupAndDemoDataLoads() {
        main.connect(ConnectionProfile.local("t", dynalite.endpoint().toString(), table + "-missing"));
        assertThat(main.stateProperty().get()).isEqualTo(WindowSession.State.NO_TABLE);
        main.createTable();
        assertThat(main.stateProperty().get()).isEqualTo(WindowSession.State.READY);
        assertThat(main.conversations().shown()).isEmpty();
        assertThat(main.conversations().emptyTextProperty().get()).contains("has no conversations yet");
        main.loadDemoData();
        assertThat(main.conversations().shown()).hasSize(2);
    }

    @Test
    void anUnreachableEndpointSaysSoInPlainWords() {
        main.connect(ConnectionProfile.local("t", "http://127.0.0.1:" + DynaliteServer.freePort(), table));
        assertThat(main.stateProperty().get()).isEqualTo(WindowSession.State.UNREACHABLE);
        assertThat(main.connectionErrorProperty().get()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void theConversationListPagesToTheEndWithoutDuplicates() {
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
            dev.cruddur.admin.store.BenchData.inbox(dm.connection(), dev.cruddur.admin.store.BenchData.user("busy"), 60,
                    java.time.Instant.now());
        }
        main.refresh();
        main.selectViewer(dev.cruddur.admin.store.BenchData.user("busy"));
        var list = main.conversations();
        assertThat(list.loaded()).hasSize(ConversationListViewModel.PAGE);
        while (list.hasMoreProperty().get()) list.loadMore();
        assertThat(list.loaded()).hasSize(60);
        assertThat(list.loaded().stream().map(Conversation::groupUuid).distinct().count()).isEqualTo(60);
        for (int i = 1; i < 60; i++) {
            assertThat(list.loaded().get(i).lastMessageAt().instant().get())
                    .isBefore(list.loaded().get(i - 1).lastMessageAt().instant().get());
        }
    }

    private static List<Message> bubbles(TranscriptViewModel t) {
        return t.entries().stream().filter(e -> e instanceof TranscriptEntry.Bubble).map(e -> ((TranscriptEntry.Bubble) e).message()).toList();
    }
}
