package dev.groundwork.model.spec;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One spec text and its YAML nodes, which know where each key and value starts and ends; an edit splices new
 * characters in at those places and leaves every other character alone. SnakeYAML counts code points, Java strings
 * count UTF-16 units, so marks are converted (an emoji in a comment must not shift an edit).
 */
final class SpecEditText {

    private final String text;
    private final MappingNode root;
    private final String newline;

    private SpecEditText(String text, MappingNode root) {
        this.text = text;
        this.root = root;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    static SpecEditText parse(String text) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the spec is not valid YAML (" + Words.oneLine(e.getMessage())
                    + "); fix groundwork.yaml first.");
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("the spec is not a mapping of keys; fix groundwork.yaml first.");
        }
        return new SpecEditText(text, mapping);
    }

    String apply(SpecEdit edit) {
        String[] keys = edit.keys();
        MappingNode mapping = root;
        for (int depth = 0; depth < keys.length; depth++) {
            boolean last = depth == keys.length - 1;
            NodeTuple entry = find(mapping, keys[depth]);
            if (entry == null) {
                return edit.value().isEmpty() ? text : insert(mapping, keys[depth], nested(keys, depth + 1, edit));
            }
            Node value = entry.getValueNode();
            if (last) {
                return edit.value().isEmpty() ? remove(mapping, entry) : replace(value, scalar(edit.value().get()), edit);
            }
            if (value instanceof MappingNode child) {
                mapping = child;
            } else if (isNull(value)) {
                return edit.value().isEmpty() ? text : replace(value, nested(keys, depth + 1, edit), edit);
            } else {
                throw new IllegalArgumentException(String.join(".", List.of(keys).subList(0, depth + 1))
                        + " holds a value, not keys, so " + edit.path() + " cannot be set; fix groundwork.yaml first.");
            }
        }
        throw new IllegalStateException("unreachable: a path has at least one key");
    }

    /** The value of {@code keys[from..]} as YAML text: the scalar itself, or flow mappings around it. */
    private static String nested(String[] keys, int from, SpecEdit edit) {
        String value = scalar(edit.value().orElseThrow());
        for (int i = keys.length - 1; i >= from; i--) {
            value = "{ " + keys[i] + ": " + value + " }";
        }
        return value;
    }

    /** Plain when YAML reads it back as written (words, numbers); double-quoted otherwise. */
    static String scalar(String value) {
        if (value.matches("[A-Za-z0-9_][A-Za-z0-9_.+\\-]*")) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private String replace(Node value, String replacement, SpecEdit edit) {
        if (value instanceof CollectionNode<?>) {
            throw new IllegalArgumentException(edit.path() + " holds " + (value instanceof MappingNode ? "keys" : "a list")
                    + ", not a single value; fix groundwork.yaml first.");
        }
        int start = offset(value.getStartMark());
        int end = offset(value.getEndMark());
        // "key:" with nothing after it: the empty value sits right after the colon
        return splice(start, end, start == end ? " " + replacement : replacement);
    }

    private String insert(MappingNode mapping, String key, String value) {
        String entry = key + ": " + value;
        List<NodeTuple> entries = mapping.getValue();
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (entries.isEmpty()) {
                return splice(offset(mapping.getStartMark()), offset(mapping.getEndMark()), "{ " + entry + " }");
            }
            int after = end(entries.getLast().getValueNode());
            return splice(after, after, ", " + entry);
        }
        String indent = indentOf(entries.getFirst().getKeyNode());
        int after = end(entries.getLast().getValueNode());
        int lineStart = lineStart(after);
        if (text.substring(lineStart, after).isBlank() && lineStart > 0) {
            // a block scalar ends at the start of the next line, after its line breaks
            return splice(lineStart, lineStart, indent + entry + newline);
        }
        int lineEnd = text.indexOf('\n', after);
        if (lineEnd < 0) {
            return splice(text.length(), text.length(), newline + indent + entry);
        }
        int at = lineEnd > 0 && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        return splice(at, at, newline + indent + entry);
    }

    private String remove(MappingNode mapping, NodeTuple entry) {
        List<NodeTuple> entries = mapping.getValue();
        int index = entries.indexOf(entry);
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (entries.size() == 1) {
                return splice(offset(mapping.getStartMark()), offset(mapping.getEndMark()), "{}");
            }
            if (index > 0) { // ", key: value" goes with its comma
                return splice(end(entries.get(index - 1).getValueNode()), end(entry.getValueNode()), "");
            }
            return splice(offset(entry.getKeyNode().getStartMark()),
                    offset(entries.get(1).getKeyNode().getStartMark()), "");
        }
        // a block entry is its whole lines, with a comment written after the value
        int from = lineStart(offset(entry.getKeyNode().getStartMark()));
        int after = end(entry.getValueNode());
        int lineStart = lineStart(after);
        int to;
        if (after > 0 && text.substring(lineStart, after).isBlank() && lineStart > from) {
            to = lineStart;
        } else {
            int lineEnd = text.indexOf('\n', after);
            to = lineEnd < 0 ? text.length() : lineEnd + 1;
        }
        return splice(from, to, "");
    }

    /** Where a value's text ends; for a block collection, where its last value's text ends. */
    private int end(Node node) {
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !mapping.getValue().isEmpty()) {
            return end(mapping.getValue().getLast().getValueNode());
        }
        if (node instanceof CollectionNode<?> collection && collection.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !collection.getValue().isEmpty() && collection.getValue().getLast() instanceof Node item) {
            return end(item);
        }
        return offset(node.getEndMark());
    }

    private String indentOf(Node key) {
        int start = offset(key.getStartMark());
        return " ".repeat(start - lineStart(start));
    }

    private int lineStart(int at) {
        return text.lastIndexOf('\n', at - 1) + 1;
    }

    private static NodeTuple find(MappingNode mapping, String key) {
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private int offset(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private String splice(int from, int to, String replacement) {
        return text.substring(0, from) + replacement + text.substring(to);
    }
}
