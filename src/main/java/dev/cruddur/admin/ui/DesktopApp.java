package dev.cruddur.admin.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop window. */
public final class DesktopApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Cruddur Admin");
        stage.setScene(new Scene(new StackPane(new Label("Cruddur Admin")), 1100, 720));
        stage.show();
    }
}
