package dev.groundwork.runners.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an idea that is already there in other words. Two ideas are duplicates when their titles are the same
 * without case, spacing and punctuation ("Cosine LR" = "cosine-lr."), when their titles have the same words in any
 * order, or when their texts name the same numbers and their word sets overlap with a Jaccard index of at least
 * {@value #THRESHOLD} (common words and the format's markers left out). 0.8 catches a copy with a few words reworded and
 * keeps apart two ideas that change different things in the same file; a different value (lr 0.01 instead of 0.001) is
 * a different experiment, not a duplicate. Texts of fewer than {@value #MIN_WORDS} words are compared by title only.
 */
final class NearDuplicates {

    static final double THRESHOLD = 0.8;
    static final int MIN_WORDS = 8;
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "into", "are",
            "was", "were", "its", "our", "will", "can", "could", "should", "would", "than", "then", "each", "per", "not",
            "but", "all", "any", "via", "use", "using", "experiment", "code", "changes", "change", "end");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:e-?\\d+)?");

    private record Entry(String titleKey, Set<String> titleWords, Set<String> words, Set<String> numbers) {}

    private final List<Entry> seen = new ArrayList<>();

    void add(String title, String text) {
        seen.add(entry(title, text));
    }

    boolean isDuplicate(String title, String text) {
        Entry candidate = entry(title, text);
        for (Entry other : seen) {
            if (!candidate.titleKey().isEmpty() && candidate.titleKey().equals(other.titleKey())) {
                return true;
            }
            if (!candidate.titleWords().isEmpty() && candidate.titleWords().equals(other.titleWords())) {
                return true;
            }
            if (candidate.words().size() >= MIN_WORDS && other.words().size() >= MIN_WORDS
                    && candidate.numbers().equals(other.numbers())
                    && jaccard(candidate.words(), other.words()) >= THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /** Titles compared without case, spacing and punctuation, as the search loop compares them. */
    static String titleKey(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_.]+")) {
            String trimmed = word.replaceAll("^\\.+|\\.+$", "");
            if (trimmed.length() >= 3 && !STOP.contains(trimmed)) {
                words.add(trimmed);
            }
        }
        return words;
    }

    private static Entry entry(String title, String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher matcher = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return new Entry(titleKey(title), words(title), words(text), numbers);
    }
}
