package dev.groundwork.runners.llm;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.ImplementationRequest;
import dev.groundwork.model.agent.ImplementationRequest.FailedAttempt;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.llm.LlmRole;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM implementer, after the method's executor: its prompt holds the idea, every editable file with line numbers
 * (protected files never reach it), the rules, and — when there are any — the parents' approved diffs, the earlier
 * attempts with why each failed, the reviewer's comment and the traceback of a run that crashed. It asks for one
 * unified diff and returns the answer as it came: the patch engine finds the diff in it, fences and prose included.
 */
public final class LlmImplementer implements Implementer {

    private static final String ROLE_KEY = "agents.implementer";
    private static final Pattern DIFF_LINE = Pattern.compile("(?m)^(@@ |diff --git |--- \\S|\\+\\+\\+ \\S)");
    private static final Pattern BACKTICKS = Pattern.compile("`{3,}");
    private static final Map<String, String> LANGUAGES = Map.of("py", "python", "sh", "bash", "yaml", "yaml",
            "yml", "yaml", "json", "json", "toml", "toml", "md", "markdown", "cfg", "ini", "txt", "text");

    private final CallRecorder calls;
    private final PromptTemplates prompts;
    private final String study;

    public LlmImplementer(LlmClient client, PromptTemplates prompts, String studyDescription, LlmCallLog log,
                          Pricing pricing) {
        this.calls = new CallRecorder(client, log, pricing, LlmRole.IMPLEMENTER, ROLE_KEY);
        this.prompts = prompts;
        this.study = studyDescription == null || studyDescription.isBlank() ? "(no description)" : studyDescription;
    }

    @Override
    public String displayName() {
        return calls.settings().displayName();
    }

    @Override
    public String author() {
        return "llm:" + calls.settings().model();
    }

    @Override
    public String implement(ImplementationRequest request) throws AgentException {
        Idea idea = request.idea();
        CallRecorder.Outcome outcome = calls.call(prompt(request), idea.id(), idea.epoch());
        if (!outcome.ok()) {
            throw outcome.failure().asAgentException(ROLE_KEY);
        }
        String answer = outcome.reply().text();
        if (!looksLikeDiff(answer)) {
            LlmSettings settings = calls.settings();
            boolean cut = outcome.reply().stopReason().equals("length") || outcome.reply().stopReason().equals("max_tokens");
            throw new AgentException(settings.model() + " answered without a diff (LLM call " + outcome.call().id() + ")"
                    + (cut ? "; its answer was cut off at " + settings.maxTokens() + " tokens, so raise max_tokens for "
                            + settings.provider().wireName() + " in your settings"
                            : "; regenerate the patch, or try another model in " + ROLE_KEY) + ".");
        }
        return answer;
    }

    LlmPrompt prompt(ImplementationRequest request) {
        Idea idea = request.idea();
        Map<String, String> values = new HashMap<>();
        values.put("study", study);
        values.put("title", idea.title().strip());
        values.put("idea", idea.text().strip());
        values.put("files", files(request.editableFiles()));
        values.put("parent_diffs", parentDiffs(request.parentDiffs()));
        values.put("previous_attempts", attempts(request.previousAttempts()));
        values.put("reviewer_comment", request.reviewerComment().map(String::strip).orElse(""));
        values.put("run_failure", request.runFailure().filter(text -> !text.isBlank())
                .map(text -> fenced(text.strip(), "text")).orElse(""));
        return prompts.render(PromptTemplates.IMPLEMENTER, values);
    }

    /** Whether the answer holds anything a unified diff is made of: a hunk header or file headers. */
    static boolean looksLikeDiff(String answer) {
        Matcher lines = DIFF_LINE.matcher(answer);
        boolean minus = false;
        boolean plus = false;
        while (lines.find()) {
            String start = lines.group(1);
            if (start.startsWith("@@") || start.startsWith("diff --git")) {
                return true;
            }
            minus |= start.startsWith("---");
            plus |= start.startsWith("+++");
        }
        return minus && plus;
    }

    /** Every editable file, sorted by path, each line behind its number. */
    static String files(Map<String, String> editable) {
        if (editable.isEmpty()) {
            return "(no editable files: the idea may only add new files)";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> file : new TreeMap<>(editable).entrySet()) {
            out.append("## ").append(file.getKey()).append("\n\n");
            String content = file.getValue();
            if (content.indexOf('\0') >= 0) {
                out.append("(a binary file; leave it unchanged)\n\n");
                continue;
            }
            List<String> lines = content.lines().toList();
            int width = Math.max(3, Integer.toString(lines.size()).length());
            StringBuilder numbered = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                numbered.append(String.format(Locale.ROOT, "%" + width + "d |", i + 1));
                if (!lines.get(i).isEmpty()) {
                    numbered.append(' ').append(lines.get(i));
                }
                numbered.append('\n');
            }
            if (lines.isEmpty()) {
                numbered.append("(empty file)\n");
            }
            out.append(fenced(numbered.toString().stripTrailing(), language(file.getKey()))).append("\n\n");
        }
        return out.toString();
    }

    private static String parentDiffs(List<String> diffs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < diffs.size(); i++) {
            out.append("## Parent ").append(i + 1).append("\n\n").append(fenced(diffs.get(i).strip(), "diff"))
                    .append("\n\n");
        }
        return out.toString();
    }

    private static String attempts(List<FailedAttempt> attempts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < attempts.size(); i++) {
            FailedAttempt attempt = attempts.get(i);
            out.append("## Attempt ").append(i + 1).append("\n\n")
                    .append(fenced(attempt.diff().strip(), "diff")).append("\n\n")
                    .append("Why it failed:\n\n").append(fenced(attempt.error().strip(), "text")).append("\n\n");
        }
        return out.toString();
    }

    /** A fenced block whose fence is longer than any run of backticks inside it. */
    static String fenced(String text, String language) {
        int longest = 2;
        Matcher runs = BACKTICKS.matcher(text);
        while (runs.find()) {
            longest = Math.max(longest, runs.group().length());
        }
        String fence = "`".repeat(longest + 1);
        return fence + language + "\n" + text + "\n" + fence;
    }

    private static String language(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : LANGUAGES.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), "");
    }
}
