package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.domain.User;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A round avatar with a user's initials, its colour fixed by the user's uuid. */
public final class Avatar extends StackPane {
    private static final int PALETTE = 6;
    private final Label initials = new Label();

    public Avatar(double size) {
        getStyleClass().add("avatar");
        initials.getStyleClass().add("avatar-initials");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        getChildren().add(initials);
    }

    public void show(User user) {
        initials.setText(user == null ? "" : user.initials());
        getStyleClass().remove("avatar-none");
        for (int i = 0; i < PALETTE; i++) getStyleClass().remove("avatar-" + i);
        getStyleClass().add(user == null ? "avatar-none" : "avatar-" + Math.floorMod(user.uuid().hashCode(), PALETTE));
    }
}
