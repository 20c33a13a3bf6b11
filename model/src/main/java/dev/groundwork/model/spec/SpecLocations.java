package dev.groundwork.model.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where each key and value of a spec file is written, by path ({@code run.timeout}, {@code baseline.editable[1]}),
 * found in one walk over its YAML tokens, since bound values no longer know where they came from. The walk also
 * rejects what cannot be bound at all: broken YAML, an empty file, a document that is not a mapping, duplicate keys,
 * aliases (which Jackson reads as the alias's name) and a second document.
 */
final class SpecLocations {

    record Position(int line, int column) {}

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Position START = new Position(1, 1);

    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, String> shapes = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final List<SpecProblem> unbindable = new ArrayList<>();
    private final String file;

    private SpecLocations(String file) {
        this.file = file;
    }

    /** Walks {@code yaml}, read from {@code file}; throws for anything that leaves no mapping of keys to check. */
    static SpecLocations scan(String file, String yaml) throws SpecException {
        SpecLocations where = new SpecLocations(file);
        try (YAMLParser parser = YAML.createParser(yaml)) {
            where.document(parser);
        } catch (JsonProcessingException e) {
            throw where.syntaxError(e, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
        if (!where.unbindable.isEmpty()) {
            throw new SpecException(where.unbindable);
        }
        return where;
    }

    /** Where the value at {@code path} is written; for a missing one, where its nearest written parent's key is. */
    Position value(String path) {
        if (values.containsKey(path)) {
            return values.get(path);
        }
        String parent = parent(path);
        while (!parent.isEmpty() && !values.containsKey(parent)) {
            parent = parent(parent);
        }
        return parent.isEmpty() ? values.getOrDefault("", START) : keys.getOrDefault(parent, values.get(parent));
    }

    /** Where the key of {@code path} is written, or else its value. */
    Position key(String path) {
        return keys.getOrDefault(path, value(path));
    }

    /** The value at {@code path} as a sentence names it: 'two', the number 1.5, a list, a mapping, nothing. */
    String shape(String path) {
        return shapes.getOrDefault(path, "nothing");
    }

    /** The text of the scalar at {@code path}. */
    Optional<String> text(String path) {
        return Optional.ofNullable(texts.get(path));
    }

    private void document(YAMLParser parser) throws IOException, SpecException {
        JsonToken first = parser.nextToken();
        if (first == null || first == JsonToken.VALUE_NULL) {
            throw problem(START, "the file is empty; write at least name, run.command and reward.metric.");
        }
        value(parser, "");
        if (first != JsonToken.START_OBJECT) {
            throw problem(values.get(""), "the file holds " + shape("")
                    + ", not a mapping of keys; start it with keys such as name:, run: and reward:.");
        }
        if (parser.nextToken() != null) {
            throw problem(position(parser), "a second YAML document starts here; keep the whole spec in one.");
        }
    }

    private void value(YAMLParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        values.put(path, position(parser));
        shapes.put(path, shapeOf(parser));
        if (parser.isCurrentAlias()) {
            unbindable.add(problem(position(parser), path, "'*" + parser.getText() + "' is a YAML alias, which "
                    + "Groundwork does not read; write the value out in full."));
        } else if (token.isScalarValue()) {
            texts.put(path, parser.getText());
        } else if (token == JsonToken.START_OBJECT) {
            mapping(parser, path);
        } else if (token == JsonToken.START_ARRAY) {
            for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                value(parser, path + "[" + index + "]");
            }
        }
    }

    private void mapping(YAMLParser parser, String path) throws IOException {
        Map<String, Position> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = path.isEmpty() ? name : path + "." + name;
            Position key = position(parser);
            Position first = seen.putIfAbsent(name, key);
            if (first != null) {
                unbindable.add(problem(key, child, "the key is written twice (first on line " + first.line()
                        + "); keep one."));
            }
            keys.putIfAbsent(child, key);
            parser.nextToken();
            value(parser, child);
        }
    }

    private static String shapeOf(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "'" + Words.abbreviate(parser.getText()) + "'";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> parser.getText();
            case VALUE_NULL -> "nothing";
            default -> "a value";
        };
    }

    /** Uses SnakeYAML's own mark and wording when it has them: they point at the offending character. */
    private SpecException syntaxError(JsonProcessingException e, String yaml) {
        Position at;
        String reason;
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            at = new Position(mark.getLine() + 1, mark.getColumn() + 1);
            if (mark.getIndex() < yaml.length() && yaml.charAt(mark.getIndex()) == '\t') {
                // the most common mistake of all, which SnakeYAML words for its own developers
                return problem(at, "this line is indented with a tab; YAML indents with spaces only.");
            }
            reason = marked.getProblem() + context(marked);
        } else {
            JsonLocation location = e.getLocation();
            at = location == null ? START : new Position(location.getLineNr(), location.getColumnNr());
            reason = e.getOriginalMessage();
        }
        return problem(at, "this is not valid YAML (" + Words.oneLine(reason)
                + "); check the indentation (spaces, not tabs), brackets and quotes.");
    }

    /** SnakeYAML's context, such as "while scanning a quoted scalar", with its line when that is another one. */
    private static String context(MarkedYAMLException marked) {
        if (marked.getContext() == null) {
            return "";
        }
        Mark start = marked.getContextMark();
        boolean elsewhere = start != null && start.getLine() != marked.getProblemMark().getLine();
        return " " + marked.getContext() + (elsewhere ? " that starts on line " + (start.getLine() + 1) : "");
    }

    private static Position position(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    private static String parent(String path) {
        return path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
    }

    private SpecException problem(Position at, String sentence) {
        return new SpecException(List.of(problem(at, "", sentence)));
    }

    private SpecProblem problem(Position at, String field, String sentence) {
        return new SpecProblem(file, at.line(), at.column(), field, sentence);
    }
}
