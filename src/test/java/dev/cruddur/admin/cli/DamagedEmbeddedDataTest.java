package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that opens the embedded data itself (no window or serve owns it) says on stderr when the
 * log was damaged and cut back as it opened, as serve and the window do; it used to serve what was left
 * without a word.
 */
class DamagedEmbeddedDataTest {
    @Test
    void aCommandSaysTheLogWasDamagedAndSetAside(@TempDir Path xdg) throws IOException {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        CommandLineTest.Run first = CommandLineTest.run(env, "list-tables");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("Warning");
        Path log = xdg.resolve("cruddur-admin/dynamodb/engine.log");
        byte[] bytes = Files.readAllBytes(log);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 8; i++) bytes[i] ^= (byte) 0xFF;
        Files.write(log, bytes);

        CommandLineTest.Run damaged = CommandLineTest.run(env, "list-tables");
        assertThat(damaged.code()).as(damaged.err()).isZero();
        assertThat(damaged.err()).contains("Warning: ").contains("engine.log is damaged at byte ");
        try (var files = Files.list(log.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("engine.log.damaged-"));
        }
        // said once: the next start finds a clean log
        assertThat(CommandLineTest.run(env, "list-tables").err()).doesNotContain("Warning");
    }
}
