package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prism goes straight to its software pipeline only where no GPU device exists and nobody chose an order. */
class SoftwarePipelineTest {
    @TempDir Path dev;
    private String before;

    @BeforeEach
    void clear() {
        before = System.getProperty("prism.order");
        System.clearProperty("prism.order");
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty("prism.order");
        else System.setProperty("prism.order", before);
    }

    @Test
    void noDeviceNodeMeansSoftware() throws Exception {
        Files.createDirectories(dev.resolve("dri/by-path")); // an empty dri directory has no card either
        Files.createFile(dev.resolve("null"));
        DesktopApp.softwarePipelineWithoutGpu(dev);
        assertThat(System.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void aDrmRenderNodeLeavesPrismsOrder() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        DesktopApp.softwarePipelineWithoutGpu(dev);
        assertThat(System.getProperty("prism.order")).isNull();
    }

    @Test
    void nvidiasOwnNodesLeavePrismsOrder() throws Exception {
        Files.createFile(dev.resolve("nvidiactl"));
        Files.createFile(dev.resolve("nvidia0"));
        DesktopApp.softwarePipelineWithoutGpu(dev);
        assertThat(System.getProperty("prism.order")).isNull();
    }

    @Test
    void anExplicitOrderWins() {
        System.setProperty("prism.order", "es2,sw");
        DesktopApp.softwarePipelineWithoutGpu(dev);
        assertThat(System.getProperty("prism.order")).isEqualTo("es2,sw");
    }
}
