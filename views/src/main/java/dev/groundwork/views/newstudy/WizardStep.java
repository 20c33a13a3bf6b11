package dev.groundwork.views.newstudy;

/** The New Study window's steps, in order. */
public enum WizardStep {
    SOURCE("Code", "Where the code comes from"),
    FILES("Files", "What the implementer may change"),
    RUN("Run", "How a run starts"),
    TEST("Test run", "Run the baseline once"),
    REWARD("Reward", "What counts as better"),
    CREATE("Create", "Name the study");

    private final String title;
    private final String heading;

    WizardStep(String title, String heading) {
        this.title = title;
        this.heading = heading;
    }

    /** A word or two, for the list of steps. */
    public String title() {
        return title;
    }

    /** The step's heading. */
    public String heading() {
        return heading;
    }
}
