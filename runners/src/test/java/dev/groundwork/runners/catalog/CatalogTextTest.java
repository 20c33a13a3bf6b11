package dev.groundwork.runners.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Catalog texts are wrapped by hand in the file; stored ideas get them flowing, section by section. */
class CatalogTextTest {

    @Test
    void linesWithinASectionAreJoinedAndSectionsAndParagraphsKeepTheirBreaks() {
        String wrapped = """
                [Experiment] Gradient descent is slow at learning rate 0.05; 0.09 is still below the divergence
                threshold and should converge faster.

                A second paragraph,
                wrapped too.
                [Code Changes] In train.py, raise LEARNING_RATE
                from 0.05 to 0.09.
                [End]
                """;

        assertThat(Catalog.unwrapped(wrapped)).isEqualTo("""
                [Experiment] Gradient descent is slow at learning rate 0.05; 0.09 is still below the divergence \
                threshold and should converge faster.

                A second paragraph, wrapped too.
                [Code Changes] In train.py, raise LEARNING_RATE from 0.05 to 0.09.
                [End]""");
    }

    @Test
    void theDemoCatalogsIdeasFlow() throws Exception {
        Catalog charlm = Catalog.load(Path.of("../resources/environments/charlm"));
        assertThat(charlm.entries()).hasSize(16).allSatisfy(entry -> {
            assertThat(entry.text()).startsWith("[Experiment] ").contains("\n[Code Changes] ").endsWith("\n[End]");
            assertThat(entry.text().lines()).allMatch(line -> line.startsWith("[") || line.isEmpty());
        });
    }
}
