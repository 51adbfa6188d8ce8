package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine repaired as it opened the window's data reaches the window once (it shows it in the notice banner). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedOpenWarningsTest {

    @Test
    void aTornTailCutOffAtStartIsReportedOnce(@TempDir Path dir) throws Exception {
        Path engineData = dir.resolve("dynamodb");
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(engineData))) {
            assertThat(e.openWarnings()).isEmpty();
        }
        // a record mark and half a header: what a write cut short by a crash leaves
        Files.write(engineData.resolve("engine.log"), new byte[] {(byte) 0xCD, 'W', 'A', 'L', 0, 0}, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        EmbeddedEndpoint embedded = EmbeddedEndpoint.installed();
        embedded.start(dir);
        assertThat(embedded.takeOpenWarnings(dir)).singleElement().asString()
                .contains(engineData.resolve("engine.log").toString()).contains("cut off");
        assertThat(embedded.takeOpenWarnings(dir)).as("shown once").isEmpty();
    }
}
