package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.shell.PaneView;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Browser pane: tabs for the item browser, PartiQL, the consistency check and export/import. */
public final class BrowserPane implements PaneView {
    public static final String CSS = "/dev/cruddur/admin/ui/browser/browser.css";
    private static final String PARTIQL_CSS = "/dev/cruddur/admin/ui/browser/partiql.css";

    private final BrowserViewModel vm;
    private final TabPane tabs = new TabPane();
    private final ItemsView items;
    private final PartiqlView partiql;
    private final CheckView check;
    private final TransferView transfer;

    public BrowserPane(WindowSession main) {
        this(new BrowserViewModel(main));
    }

    public BrowserPane(BrowserViewModel vm) {
        this.vm = vm;
        items = new ItemsView(vm.items());
        partiql = new PartiqlView(vm.partiql());
        check = new CheckView(vm.check());
        transfer = new TransferView(vm.transfer());
        Tab itemsTab = new Tab("Items", items);
        itemsTab.setId("tab-items");
        Tab partiqlTab = new Tab("PartiQL", partiql);
        partiqlTab.setId("tab-partiql");
        Tab checkTab = new Tab("Check", check);
        checkTab.setId("tab-check");
        Tab transferTab = new Tab("Export / Import", transfer);
        transferTab.setId("tab-transfer");
        // last, so the other tabs keep their places
        tabs.getTabs().addAll(itemsTab, checkTab, transferTab, partiqlTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("browser-pane");
        tabs.getStyleClass().add("browser-pane");
        tabs.getStylesheets().addAll(stylesheet(), BrowserPane.class.getResource(PARTIQL_CSS).toExternalForm());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == transferTab) transfer.refresh();
            if (t == partiqlTab) partiql.focusEditor();
        });
    }

    public static String stylesheet() {
        return BrowserPane.class.getResource(CSS).toExternalForm();
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void find() {
        tabs.getSelectionModel().select(0);
        items.focusRequest();
    }

    @Override
    public void createNew() {
        tabs.getSelectionModel().select(0);
        items.createNew();
    }

    public BrowserViewModel viewModel() { return vm; }
    public ItemsView itemsView() { return items; }
    public PartiqlView partiqlView() { return partiql; }
    public CheckView checkView() { return check; }
    public TransferView transferView() { return transfer; }
    public TabPane tabs() { return tabs; }
}
