package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.runners.llm.IdeaParser.ParsedIdea;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmIdeaParserTest {

    private final IdeaParser parser = new IdeaParser();

    @Test
    void readsTheMethodsBlocks() {
        List<ParsedIdea> ideas = parser.parse("""
                Here are two ideas.

                [Title] Cosine learning-rate decay
                [Experiment] Decay the learning rate along a cosine from 0.1 to 0.001 over training, so late steps \
                refine instead of bouncing around the minimum.
                [Code Changes] train.py: compute lr = 0.001 + 0.5 * (0.1 - 0.001) * (1 + cos(pi * step / STEPS)) \
                at each step and pass it to the update.
                [End]

                [Title] Gradient clipping at norm 1
                [Builds On] #12, #15
                [Experiment] Clip the global gradient norm to 1.0.
                [Code Changes] model.py: after backward, scale all gradients by min(1, 1 / norm).
                [End]
                """);

        assertThat(ideas).hasSize(2);
        assertThat(ideas.get(0).title()).isEqualTo("Cosine learning-rate decay");
        assertThat(ideas.get(0).text()).startsWith("[Experiment] Decay the learning rate along a cosine")
                .contains("\n[Code Changes] train.py: compute lr = 0.001").endsWith("to the update.\n[End]");
        assertThat(ideas.get(0).buildsOn()).isEmpty();
        assertThat(ideas.get(1).title()).isEqualTo("Gradient clipping at norm 1");
        assertThat(ideas.get(1).buildsOn()).containsExactly(12L, 15L);
        assertThat(ideas.get(1).text()).isEqualTo("[Experiment] Clip the global gradient norm to 1.0.\n"
                + "[Code Changes] model.py: after backward, scale all gradients by min(1, 1 / norm).\n[End]");
    }

    @Test
    void toleratesMarkdownHeadingsBoldLabelsAndAMissingEnd() {
        List<ParsedIdea> ideas = parser.parse("""
                ## Idea 1: Label smoothing
                **[Experiment]** Smooth the targets with epsilon 0.1.
                **[Code Changes]**: train.py: mix the one-hot targets with a uniform distribution.

                ---

                ## Idea 2: "Wider hidden layer"
                **Experiment:** Double the hidden layer to 512 units.
                **Code Changes:** train.py: HIDDEN = 512.
                """);

        assertThat(ideas).extracting(ParsedIdea::title).containsExactly("Label smoothing", "Wider hidden layer");
        assertThat(ideas.get(0).text()).isEqualTo("[Experiment] Smooth the targets with epsilon 0.1.\n[Code Changes]"
                + " train.py: mix the one-hot targets with a uniform distribution.\n[End]");
        assertThat(ideas.get(1).text()).isEqualTo("[Experiment] Double the hidden layer to 512 units.\n[Code Changes]"
                + " train.py: HIDDEN = 512.\n[End]");
    }

    @Test
    void readsBlocksOnOneLineAndTitlesTheUntitledByTheirFirstWords() {
        List<ParsedIdea> ideas = parser.parse("[Experiment] Use dropout of 0.1 on the hidden layer to reduce"
                + " overfitting of the small model. [Code Changes] model.py: add dropout. [End]");

        assertThat(ideas).singleElement().satisfies(idea -> {
            assertThat(idea.title()).isEqualTo("Use dropout of 0.1 on the hidden layer to reduce overfitting…");
            assertThat(idea.text()).isEqualTo("[Experiment] Use dropout of 0.1 on the hidden layer to reduce"
                    + " overfitting of the small model.\n[Code Changes] model.py: add dropout.\n[End]");
        });
    }

    @Test
    void numberedHeadingsBeforeUntitledBlocksBecomeTitles() {
        List<ParsedIdea> ideas = parser.parse("""
                1. Momentum SGD
                [Experiment] Replace plain SGD by SGD with momentum 0.9.
                [Code Changes] train.py: keep a velocity per parameter.
                [End]
                2. Larger batches
                [Experiment] Use 128 windows per step.
                [Code Changes] train.py: BATCH = 128.
                [End]
                """);

        assertThat(ideas).extracting(ParsedIdea::title).containsExactly("Momentum SGD", "Larger batches");
    }

    @Test
    void fallsBackToJsonInAFence() {
        List<ParsedIdea> ideas = parser.parse("""
                Sure! Here they are:
                ```json
                [
                  {"title": "EMA of weights", "experiment": "Evaluate an exponential moving average of the weights.",
                   "code_changes": "train.py: keep ema = 0.999 * ema + 0.001 * w and evaluate with it.",
                   "builds_on": ["#3", 7]},
                  {"title": "Weight decay", "experiment": "Add decoupled weight decay 0.01.", "code_changes": ""}
                ]
                ```
                """);

        assertThat(ideas).hasSize(2);
        assertThat(ideas.get(0).title()).isEqualTo("EMA of weights");
        assertThat(ideas.get(0).text()).isEqualTo("[Experiment] Evaluate an exponential moving average of the weights."
                + "\n[Code Changes] train.py: keep ema = 0.999 * ema + 0.001 * w and evaluate with it.\n[End]");
        assertThat(ideas.get(0).buildsOn()).containsExactly(3L, 7L);
        assertThat(ideas.get(1).text()).isEqualTo("[Experiment] Add decoupled weight decay 0.01.\n[End]");
    }

    @Test
    void fallsBackToAJsonObjectWithIdeasAndToBlocksInsideJsonText() {
        List<ParsedIdea> ideas = parser.parse("{\"ideas\": [{\"name\": \"ReLU\", \"text\": \"[Experiment] Swap tanh"
                + " for ReLU. [Code Changes] model.py: use np.maximum(0, x). [End]\"}]}");

        assertThat(ideas).singleElement().satisfies(idea -> {
            assertThat(idea.title()).isEqualTo("ReLU");
            assertThat(idea.text()).isEqualTo("[Experiment] Swap tanh for ReLU.\n[Code Changes] model.py: use"
                    + " np.maximum(0, x).\n[End]");
        });
    }

    @Test
    void ignoresThinkingAndFindsNothingInProse() {
        assertThat(parser.parse("<think>[Title] Secret\n[Experiment] Not an idea yet.</think>I have no ideas today."))
                .isEmpty();
        assertThat(parser.parse("")).isEmpty();
    }

    @Test
    void nearDuplicatesAreCaughtAndDistinctIdeasKept() {
        NearDuplicates seen = new NearDuplicates();
        seen.add("Cosine LR schedule", "[Experiment] Decay the learning rate along a cosine curve from the initial"
                + " value to zero over all training steps, which often improves the final loss.\n[Code Changes]"
                + " train.py: set lr from a cosine of the step.\n[End]");

        assertThat(seen.isDuplicate("cosine-lr  schedule.", "anything")).isTrue();
        assertThat(seen.isDuplicate("Schedule cosine LR", "anything")).isTrue();
        assertThat(seen.isDuplicate("Cosine annealing", "[Experiment] Decay the learning rate along a cosine curve"
                + " from the initial value to zero over all training steps, which usually improves the final loss.\n"
                + "[Code Changes] train.py: set lr from a cosine of the step.\n[End]")).isTrue();
        assertThat(seen.isDuplicate("Cosine to a floor", "[Experiment] Decay the learning rate along a cosine curve"
                + " from the initial value to 0.001 over all training steps, which often improves the final loss.\n"
                + "[Code Changes] train.py: set lr from a cosine of the step.\n[End]")).isFalse(); // another value
        assertThat(seen.isDuplicate("Linear warm-up", "[Experiment] Warm the learning rate up linearly over the first"
                + " 100 steps to avoid early divergence with a higher peak rate.\n[Code Changes] train.py: scale lr"
                + " by min(1, step / 100).\n[End]")).isFalse();
    }
}
