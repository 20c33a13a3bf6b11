package dev.groundwork.model.study;

/** A bundled study template: its name (as given to {@code groundwork new --template}) and a one-line description. */
public record TemplateInfo(String name, String description) {}
