package dev.groundwork.runners.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.Slot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {

    @Test
    void namesThatLookLikeKeysTokensSecretsOrPasswordsAreSecrets() {
        assertThat(List.of("OPENAI_API_KEY", "anthropic_api_key", "HF_TOKEN", "GITHUB_TOKEN", "TOKEN",
                "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "CLIENT_SECRET", "DB_PASSWORD", "PGPASSWORD",
                "GOOGLE_APPLICATION_CREDENTIALS", "SSH_PRIVATE_KEY")).allMatch(RunEnvironment::isSecret);
        assertThat(List.of("PATH", "HOME", "TOKENIZERS_PARALLELISM", "OMP_NUM_THREADS", "KEYBOARD", "LANG"))
                .noneMatch(RunEnvironment::isSecret);
    }

    @Test
    void theSpecOverridesDefaultsButNeverTheSlotsGpus() {
        Map<String, String> env = RunEnvironment.of(Map.of("HOME", "/home/a", "WANDB_API_KEY", "k"),
                Map.of("PYTHONUNBUFFERED", "0", "CUDA_VISIBLE_DEVICES", "7"), new Slot("local", 0, List.of(1, 3)));

        assertThat(env).containsOnly(Map.entry("HOME", "/home/a"), Map.entry("PYTHONUNBUFFERED", "0"),
                Map.entry("CUDA_VISIBLE_DEVICES", "1,3"));
    }

    @Test
    void aContainerGetsNothingOfGroundworksOwnAndItsGpusNumberedFromZero() {
        Map<String, String> env = RunEnvironment.forContainer(Map.of("OMP_NUM_THREADS", "1", "CUDA_VISIBLE_DEVICES", "7"),
                new Slot("box", 0, List.of(2, 3)));

        assertThat(env).containsOnly(Map.entry("OMP_NUM_THREADS", "1"), Map.entry("PYTHONUNBUFFERED", "1"),
                Map.entry("HOME", "/tmp"), Map.entry("CUDA_VISIBLE_DEVICES", "0,1"));
        assertThat(RunEnvironment.forContainer(Map.of(), new Slot("box", 1, List.of())))
                .containsEntry("CUDA_VISIBLE_DEVICES", "");
    }
}
