package dev.groundwork.model.ledger;

/**
 * Spend for one scope: LLM dollars and GPU-seconds (CPU runs count as slot-seconds with no GPU and add nothing here).
 *
 * @param key the idea id or epoch number for those scopes; 0 for the study
 */
public record LedgerEntry(LedgerScope scope, long key, double llmUsd, double gpuSeconds, int llmCalls, int runs) {

    public double gpuHours() {
        return gpuSeconds / 3600.0;
    }
}
