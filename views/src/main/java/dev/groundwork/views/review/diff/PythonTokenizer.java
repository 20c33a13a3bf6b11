package dev.groundwork.views.review.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the parts of Python source worth colouring, in one pass with no regular expressions (a 10,000-line file takes
 * milliseconds and no pattern can backtrack). It does not parse: an unbalanced quote colours to the end of its line,
 * or of the text for a triple quote, which is what an editor shows too.
 */
public final class PythonTokenizer {

    /** What a token is. */
    public enum Kind { KEYWORD, STRING, COMMENT, NUMBER, DECORATOR, DEFINITION }

    /** Characters {@code [start, end)} of the text. */
    public record Token(Kind kind, int start, int end) {}

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield");
    private static final String STRING_PREFIX_LETTERS = "rRbBuUfFtT";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private PythonTokenizer(String text) {
        this.text = text;
    }

    public static List<Token> tokens(String text) {
        PythonTokenizer tokenizer = new PythonTokenizer(text);
        tokenizer.scan();
        return tokenizer.tokens;
    }

    private void scan() {
        boolean lineStart = true;
        boolean nameIsDefined = false;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\n') {
                lineStart = true;
                nameIsDefined = false;
                at++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                at++;
            } else {
                nameIsDefined = token(c, lineStart, nameIsDefined);
                lineStart = false;
            }
        }
    }

    /** Reads the token starting at {@code c}; returns whether the next name is the one a def or class defines. */
    private boolean token(char c, boolean lineStart, boolean nameIsDefined) {
        int start = at;
        if (c == '#') {
            add(Kind.COMMENT, start, lineEnd());
        } else if (c == '"' || c == '\'') {
            add(Kind.STRING, start, stringEnd(start));
        } else if (c == '@' && lineStart) {
            at++;
            while (at < text.length() && (isNamePart(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            add(Kind.DECORATOR, start, at);
        } else if (isDigit(c) || c == '.' && start + 1 < text.length() && isDigit(text.charAt(start + 1))) {
            add(Kind.NUMBER, start, numberEnd());
        } else if (isNameStart(c)) {
            return name(start, nameIsDefined);
        } else {
            at++;
        }
        return false;
    }

    private boolean name(int start, boolean nameIsDefined) {
        while (at < text.length() && isNamePart(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && isQuote(text.charAt(at)) && isStringPrefix(start, at)) {
            add(Kind.STRING, start, stringEnd(at));
            return false;
        }
        if (nameIsDefined) {
            add(Kind.DEFINITION, start, at);
            return false;
        }
        String word = text.substring(start, at);
        if (KEYWORDS.contains(word)) {
            add(Kind.KEYWORD, start, at);
            return word.equals("def") || word.equals("class");
        }
        return false;
    }

    private int lineEnd() {
        int end = text.indexOf('\n', at);
        return end < 0 ? text.length() : end;
    }

    /** Past the closing quote of the string whose opening quote is at {@code quote}; backslashes escape everywhere. */
    private int stringEnd(int quote) {
        char q = text.charAt(quote);
        String tripleQuote = q == '"' ? "\"\"\"" : "'''";
        boolean triple = text.startsWith(tripleQuote, quote);
        int i = quote + (triple ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == q && (!triple || text.startsWith(tripleQuote, i))) {
                return i + (triple ? 3 : 1);
            } else if (c == '\n' && !triple) {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Digits, letters (hex, suffixes, exponents), '_', '.' and an exponent's sign. */
    private int numberEnd() {
        boolean hex = text.startsWith("0x", at) || text.startsWith("0X", at);
        int end = at + 1;
        while (end < text.length()) {
            char c = text.charAt(end);
            char previous = text.charAt(end - 1);
            boolean exponentSign = (c == '+' || c == '-') && (previous == 'e' || previous == 'E') && !hex;
            if (!(isNamePart(c) || c == '.' || exponentSign)) {
                break;
            }
            end++;
        }
        return end;
    }

    private boolean isStringPrefix(int start, int end) {
        if (end - start > 2) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (STRING_PREFIX_LETTERS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private void add(Kind kind, int start, int end) {
        tokens.add(new Token(kind, start, end));
        at = end;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
