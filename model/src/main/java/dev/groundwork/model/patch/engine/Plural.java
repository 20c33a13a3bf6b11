package dev.groundwork.model.patch.engine;

/** "1 hunk", "3 hunks": counts in messages read as sentences. */
final class Plural {

    private Plural() {}

    static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
