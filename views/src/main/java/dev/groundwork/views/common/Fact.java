package dev.groundwork.views.common;

/**
 * One number a page states about the study, drawn as a card.
 *
 * @param label  what it counts, e.g. "Ideas"
 * @param value  the number or short value, e.g. "12"
 * @param detail a breakdown or explanation, may be empty
 */
public record Fact(String label, String value, String detail) {}
