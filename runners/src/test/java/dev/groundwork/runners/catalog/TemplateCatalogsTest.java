package dev.groundwork.runners.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every idea of every study template's catalog has a short label of its own, so that combinations, titled by labels,
 * stay short and distinct in the window's tables.
 */
class TemplateCatalogsTest {

    private static final Path ENVIRONMENTS = Path.of("../resources/environments");

    @Test
    void everyTemplateIdeaHasAShortDistinctLabel() throws IOException {
        List<Path> templates;
        try (Stream<Path> dirs = Files.list(ENVIRONMENTS)) {
            templates = dirs.filter(dir -> Files.exists(dir.resolve(Catalog.FILE))).sorted().toList();
        }
        assertThat(templates).extracting(dir -> dir.getFileName().toString()).contains("charlm", "minimal", "nanogpt");
        for (Path template : templates) {
            JsonNode file = new YAMLMapper().readTree(template.resolve(Catalog.FILE).toFile());
            assertThat(file.path("ideas")).as(template + ": every idea says its short label")
                    .allSatisfy(idea -> assertThat(idea.path("short").asText()).isNotBlank());
            Catalog catalog = Catalog.load(template); // refuses labels that are not distinct
            assertThat(catalog.entries()).as(template.toString()).allSatisfy(entry -> {
                assertThat(entry.label()).hasSizeLessThanOrEqualTo(12);
                assertThat(catalog.byName(entry.label())).contains(entry);
                assertThat(catalog.byName(entry.title())).contains(entry);
            });
        }
    }
}
