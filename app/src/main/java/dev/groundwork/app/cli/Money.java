package dev.groundwork.app.cli;

import java.util.Locale;

/** Dollars as a researcher wants to read them: cents for real money, four decimals for the fractions LLM calls cost. */
public final class Money {

    private Money() {}

    public static String usd(double dollars) {
        return String.format(Locale.ROOT, Math.abs(dollars) >= 1 || dollars == 0 ? "$%.2f" : "$%.4f", dollars);
    }
}
