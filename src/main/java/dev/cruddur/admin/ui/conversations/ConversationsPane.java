package dev.cruddur.admin.ui.conversations;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.ui.messages.StreamModeControls;
import dev.cruddur.admin.ui.messages.StreamModeViewModel;
import dev.cruddur.admin.ui.messages.TranscriptView;
import dev.cruddur.admin.ui.messages.TranscriptViewModel;
import dev.cruddur.admin.ui.shell.PaneView;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/** Conversations pane: the list (pattern B) beside the open conversation (pattern A). */
public final class ConversationsPane implements PaneView {
    private final SplitPane split = new SplitPane();
    private final ConversationListView list;
    private final TranscriptView transcript;
    private final WindowSession main;
    private final ConversationListViewModel conversations;
    private final PageReads reads;

    public ConversationsPane(WindowSession main, ConversationListViewModel conversations, TranscriptViewModel transcriptVm,
                             StreamModeViewModel streamMode, PageReads reads) {
        this.main = main;
        this.conversations = conversations;
        this.reads = reads;
        list = new ConversationListView(conversations, main.clock(), main.zone());
        transcript = new TranscriptView(transcriptVm);
        transcript.addToHeader(new StreamModeControls(streamMode, transcriptVm, () -> split.getScene().getWindow()).node());
        list.newButton().setOnAction(e -> createNew());
        list.loadDemoButton().setOnAction(e -> main.loadDemoData());
        list.setMinWidth(260);
        split.getItems().addAll(list, transcript);
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(list, false);
        split.setId("conversations-pane");
    }

    @Override
    public Node node() {
        return split;
    }

    @Override
    public void find() {
        list.focusFilter();
    }

    @Override
    public void createNew() {
        if (main.viewerProperty().get() == null || main.session() == null) return;
        new NewConversationDialog(new NewConversationViewModel(main, reads, conversations), split.getScene().getWindow()).show();
    }

    public ConversationListView listView() { return list; }
    public TranscriptView transcriptView() { return transcript; }
}
