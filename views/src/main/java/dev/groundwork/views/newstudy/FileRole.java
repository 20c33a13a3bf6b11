package dev.groundwork.views.newstudy;

/** What becomes of one file of the researcher's code in the study. */
public enum FileRole {
    EDITABLE("editable", "the implementer sees it and may change it"),
    KEPT("kept", "in the baseline, but the implementer neither sees nor changes it"),
    PROTECTED("protected", "in the baseline, never shown to the implementer (evaluation, data loading)"),
    LEFT_OUT("left out", "not copied into the study");

    private final String words;
    private final String meaning;

    FileRole(String words, String meaning) {
        this.words = words;
        this.meaning = meaning;
    }

    public String words() {
        return words;
    }

    /** What the role means, for a tooltip. */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return words;
    }
}
