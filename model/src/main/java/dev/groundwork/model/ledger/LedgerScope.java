package dev.groundwork.model.ledger;

/** What a ledger entry sums over. */
public enum LedgerScope { IDEA, EPOCH, STUDY }
