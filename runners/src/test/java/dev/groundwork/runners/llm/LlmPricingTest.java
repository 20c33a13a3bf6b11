package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.runners.llm.Pricing.Price;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmPricingTest {

    private final Pricing bundled = Pricing.bundled();

    @TempDir
    Path dir;

    @Test
    void findsModelsByExactNameAndByTheLongestPricedPrefix() {
        assertThat(bundled.price(LlmProvider.OPENAI, "gpt-4o")).contains(new Price(2.50, 10.00));
        assertThat(bundled.price(LlmProvider.OPENAI, "gpt-4o-2024-08-06")).contains(new Price(2.50, 10.00));
        assertThat(bundled.price(LlmProvider.OPENAI, "gpt-4o-mini-2024-07-18")).contains(new Price(0.15, 0.60));
        assertThat(bundled.price(LlmProvider.OPENAI, "gpt-4.1-mini-2025-04-14")).contains(new Price(0.40, 1.60));
        assertThat(bundled.price(LlmProvider.OPENAI, "o3-mini-2025-01-31")).contains(new Price(1.10, 4.40));
        assertThat(bundled.price(LlmProvider.OPENAI, "openai/gpt-4o")).contains(new Price(2.50, 10.00));
        assertThat(bundled.price(LlmProvider.ANTHROPIC, "claude-sonnet-4-5-20250929")).contains(new Price(3, 15));
        assertThat(bundled.price(LlmProvider.ANTHROPIC, "claude-opus-4-1-20250805")).contains(new Price(15, 75));
        assertThat(bundled.price(LlmProvider.ANTHROPIC, "claude-opus-4-5")).contains(new Price(5, 25));
        assertThat(bundled.price(LlmProvider.ANTHROPIC, "claude-3-5-haiku-latest")).contains(new Price(0.80, 4));
    }

    @Test
    void unknownModelsCostNothing() {
        assertThat(bundled.price(LlmProvider.OPENAI, "llama3.1:8b")).isEmpty();
        assertThat(bundled.price(LlmProvider.OPENAI, "gpt-4oo")).isEmpty(); // a prefix must end at - : or @
        assertThat(bundled.price(LlmProvider.ANTHROPIC, "gpt-4o")).isEmpty(); // per provider
        assertThat(bundled.cost(LlmProvider.OPENAI, "llama3.1:8b", 1_000_000, 1_000_000)).isZero();
    }

    @Test
    void costsArePerMillionTokens() {
        assertThat(bundled.cost(LlmProvider.OPENAI, "gpt-4o", 1_000_000, 1_000_000)).isCloseTo(12.5, within(1e-9));
        assertThat(bundled.cost(LlmProvider.ANTHROPIC, "claude-sonnet-4-5", 2095, 503))
                .isCloseTo(2095 * 3e-6 + 503 * 15e-6, within(1e-12));
    }

    @Test
    void theUsersFileReplacesAndAddsPricesAndAliases() throws IOException {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, """
                openai:
                  gpt-4o: { input: 2.00, output: 8.00 }
                  llama3.1: { input: 0.1, output: 0.2 }
                aliases:
                  anthropic:
                    team-claude: claude-sonnet-4-5
                """);

        Pricing pricing = Pricing.load(Optional.of(file));

        assertThat(pricing.price(LlmProvider.OPENAI, "gpt-4o-2024-08-06")).contains(new Price(2, 8));
        assertThat(pricing.price(LlmProvider.OPENAI, "gpt-4o-mini")).contains(new Price(0.15, 0.60));
        assertThat(pricing.price(LlmProvider.OPENAI, "llama3.1:70b")).contains(new Price(0.1, 0.2));
        assertThat(pricing.price(LlmProvider.ANTHROPIC, "team-claude")).contains(new Price(3, 15));
    }

    @Test
    void aBrokenPricingFileIsASentence() throws IOException {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, "openai:\n  gpt-4o: { input: cheap, output: 8 }\n");
        assertThatThrownBy(() -> Pricing.load(Optional.of(file))).hasMessage("the pricing file " + file
                + ": openai.gpt-4o.input must be a number of dollars per million tokens, at least 0.");
        Files.writeString(file, "mistral:\n  large: { input: 1, output: 2 }\n");
        assertThatThrownBy(() -> Pricing.load(Optional.of(file))).hasMessage("the pricing file " + file
                + ": mistral is not a provider; use openai, anthropic or aliases.");
        assertThatThrownBy(() -> Pricing.load(Optional.of(dir.resolve("none.yaml"))))
                .hasMessageStartingWith("the pricing file " + dir.resolve("none.yaml") + " cannot be read (");
    }
}
