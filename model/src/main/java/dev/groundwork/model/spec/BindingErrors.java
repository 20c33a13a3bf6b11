package dev.groundwork.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Words Jackson's binding errors (unknown keys, values of the wrong shape) as one problem at the key's path. */
final class BindingErrors {

    private BindingErrors() {}

    static void report(JsonProcessingException error, SpecLocations where, Problems problems) {
        String path = error instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        switch (error) {
            case UnrecognizedPropertyException unknown -> {
                List<String> allowed = keys(unknown.getReferringClass());
                String guess = Words.closest(unknown.getPropertyName(), allowed)
                        .map(key -> " — did you mean '" + key + "'?")
                        .orElse(".");
                problems.atKey(path, "unknown key; the keys allowed here are " + Words.list(allowed, "and") + guess);
            }
            case MismatchedInputException mismatch when mismatch.getTargetType() != null -> problems.at(path,
                    "expected " + expected(mismatch.getTargetType()) + ", found " + where.shape(path)
                            + listHint(mismatch.getTargetType(), where, path) + ".");
            case JsonMappingException mapping when mapping.getCause() instanceof InputCoercionException ->
                    problems.at(path, where.shape(path) + " is out of range for this key.");
            default -> problems.at(path, Words.oneLine(error.getOriginalMessage()) + ".");
        }
    }

    /** The keys a spec section takes, in the order docs/spec.md lists them. */
    static List<String> keys(Class<?> section) {
        return Arrays.stream(section.getRecordComponents())
                .map(component -> {
                    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                    return renamed != null ? renamed.value() : SpecLoader.NAMING.translate(component.getName());
                })
                .toList();
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "text";
        } else if (type == Integer.class || type == Long.class) {
            return "a whole number";
        } else if (type == Double.class) {
            return "a number";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        } else if (Map.class.isAssignableFrom(type)) {
            return "a mapping of names to values";
        } else if (type.isRecord()) {
            return "a mapping with the keys " + Words.list(keys(type), "and");
        }
        return type.getSimpleName();
    }

    /** For text where a list belongs, the list it was probably meant to be: the words, each quoted. */
    private static String listHint(Class<?> type, SpecLocations where, String path) {
        if (!Collection.class.isAssignableFrom(type)) {
            return "";
        }
        return where.text(path)
                .filter(text -> !text.isBlank())
                .map(text -> Arrays.stream(text.strip().split("\\s+"))
                        .map(word -> '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                        .collect(Collectors.joining(", ", "; write it as [", "]")))
                .orElse("");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
