package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    private static Manifest manifest(String version, String commit, String date) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        if (commit != null) main.putValue("Build-Commit", commit);
        if (date != null) main.putValue("Build-Date", date);
        return manifest;
    }

    @Test
    void namesTheVersionCommitAndBuildDate() {
        BuildInfo build = BuildInfo.of(manifest("0.1.0-SNAPSHOT", "1a2b3c4d5e6f", "2026-12-03T02:00:00Z"));
        assertThat(build.describe()).isEqualTo("groundwork 0.1.0-SNAPSHOT (commit 1a2b3c4d5e6f, built 2026-12-03T02:00:00Z)");
    }

    @Test
    void aBuildOutsideGitSaysTheCommitIsUnknown() {
        assertThat(BuildInfo.of(manifest("0.1.0", "unknown", "2026-12-03T02:00:00Z")).describe())
                .isEqualTo("groundwork 0.1.0 (commit unknown, built 2026-12-03T02:00:00Z)");
        assertThat(BuildInfo.of(manifest("0.1.0", "", "2026-12-03T02:00:00Z")).commit()).isEmpty();
    }

    @Test
    void aManifestWithoutBuildEntriesIsTheVersionAlone() {
        assertThat(BuildInfo.of(manifest(null, null, null)).describe()).isEqualTo("groundwork dev");
        assertThat(BuildInfo.of(manifest("0.1.0", "${groundwork.commit}", null)).describe()).isEqualTo("groundwork 0.1.0");
    }
}
