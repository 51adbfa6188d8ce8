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

    /** Creates these files (and their folders) under the fake /dev, then lets the app choose. */
    private String orderWith(String... files) throws Exception {
        for (String file : files) {
            Files.createDirectories(dev.resolve(file).getParent());
            Files.createFile(dev.resolve(file));
        }
        DesktopApp.softwarePipelineWithoutGpu(dev);
        return System.getProperty("prism.order");
    }

    @Test
    void noDeviceNodeMeansSoftware() throws Exception {
        // a dri folder without a card or render node (only its by-path links folder) is no GPU either
        assertThat(orderWith("null", "dri/by-path/README")).isEqualTo("sw");
    }

    @Test
    void aDrmRenderNodeLeavesPrismsOrder() throws Exception {
        assertThat(orderWith("dri/renderD128")).isNull();
    }

    @Test
    void nvidiasOwnNodesLeavePrismsOrder() throws Exception {
        assertThat(orderWith("nvidiactl", "nvidia0")).isNull();
    }

    @Test
    void anExplicitOrderWins() {
        System.setProperty("prism.order", "es2,sw");
        DesktopApp.softwarePipelineWithoutGpu(dev);
        assertThat(System.getProperty("prism.order")).isEqualTo("es2,sw");
    }
}
