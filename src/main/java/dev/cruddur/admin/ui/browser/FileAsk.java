package dev.cruddur.admin.ui.browser;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where a file is chosen: the system's file chooser, or (in tests) a given path. */
@FunctionalInterface
public interface FileAsk {
    Optional<Path> choose(boolean save, String suggestedName, Window owner);

    FileAsk SYSTEM = (save, suggested, owner) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Export to" : "Import from");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JSON lines or CSV", "*.jsonl", "*.ndjson", "*.json", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (save) chooser.setInitialFileName(suggested);
        var file = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath);
    };
}
