package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class RendererDefaultsTest {

    @Test
    void setsWhatIsUnsetAndKeepsWhatTheResearcherSet() {
        Properties unset = new Properties();
        RendererDefaults.apply(unset);
        assertThat(unset.getProperty("prism.disableRegionCaching")).isEqualTo("true");

        Properties chosen = new Properties();
        chosen.setProperty("prism.disableRegionCaching", "false");
        RendererDefaults.apply(chosen);
        assertThat(chosen.getProperty("prism.disableRegionCaching")).isEqualTo("false");
    }
}
