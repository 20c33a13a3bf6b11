package dev.groundwork.model.search;

import dev.groundwork.model.ledger.LedgerEntry;
import dev.groundwork.model.spec.BudgetSpec;
import dev.groundwork.model.store.LedgerRepository;
import java.util.Locale;
import java.util.Optional;

/** Checks the ledger against the spec's budgets before anything spends more. */
final class BudgetGuard {

    private final BudgetSpec budget;
    private final LedgerRepository ledger;

    BudgetGuard(BudgetSpec budget, LedgerRepository ledger) {
        this.budget = budget;
        this.ledger = ledger;
    }

    /** Why the loop must stop, or empty while both budgets have room. */
    Optional<String> spent() {
        LedgerEntry study = ledger.study();
        if (budget.llmUsd().isPresent() && study.llmUsd() >= budget.llmUsd().getAsDouble()) {
            return Optional.of(String.format(Locale.ROOT, "The LLM budget of $%.2f is spent ($%.2f so far); raise"
                    + " budget.llm_usd in groundwork.yaml to go on.", budget.llmUsd().getAsDouble(), study.llmUsd()));
        }
        if (budget.gpuHours().isPresent() && study.gpuHours() >= budget.gpuHours().getAsDouble()) {
            return Optional.of(String.format(Locale.ROOT, "The GPU budget of %.2f hours is spent (%.2f so far); raise"
                    + " budget.gpu_hours in groundwork.yaml to go on.", budget.gpuHours().getAsDouble(), study.gpuHours()));
        }
        return Optional.empty();
    }
}
