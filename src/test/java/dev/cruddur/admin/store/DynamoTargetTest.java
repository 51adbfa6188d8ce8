package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoTargetTest {
    @Test
    void aNamedProfilesRegionComesFromTheAwsConfig(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = us-west-1\n[profile staging]\nregion = eu-west-2\n[profile bare]\noutput = json\n");
        String before = System.getProperty("aws.configFile");
        System.setProperty("aws.configFile", config.toString());
        try {
            assertThat(DynamoTarget.regionOfProfile("staging")).contains("eu-west-2");
            assertThat(DynamoTarget.regionOfProfile("bare")).isEmpty();
            assertThat(DynamoTarget.regionOfProfile("missing")).isEmpty();
        } finally {
            if (before == null) System.clearProperty("aws.configFile");
            else System.setProperty("aws.configFile", before);
        }
    }

    @Test
    void loopbackEndpointsAreLocalAndAwsIsNot() {
        assertThat(DynamoTarget.endpoint(URI.create("http://127.0.0.1:8000"), "t").isLoopback()).isTrue();
        assertThat(DynamoTarget.endpoint(URI.create("http://localhost:4566"), "t").isLoopback()).isTrue();
        assertThat(DynamoTarget.endpoint(URI.create("http://10.0.0.5:8000"), "t").isLoopback()).isFalse();
        DynamoTarget aws = DynamoTarget.aws(java.util.Optional.of("prod"), "eu-west-1", "t");
        assertThat(aws.isAws()).isTrue();
        assertThat(aws.describe()).isEqualTo("AWS eu-west-1 (profile prod)");
    }
}
