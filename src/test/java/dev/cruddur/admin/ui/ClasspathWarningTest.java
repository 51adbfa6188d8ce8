package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The window's start drops JavaFX's classpath warning and nothing else JavaFX logs. */
class ClasspathWarningTest {
    @Test
    void onlyTheUnsupportedConfigurationRecordIsDropped() {
        DesktopApp.dropClasspathWarning();
        var filter = Logger.getLogger("javafx").getFilter();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "Could not parse stylesheet"))).isTrue();
    }
}
