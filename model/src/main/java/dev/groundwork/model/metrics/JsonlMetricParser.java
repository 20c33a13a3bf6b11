package dev.groundwork.model.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lines that are one JSON object, e.g. {@code {"step": 10, "val_loss": 3.2, "lr": 0.001}}. The step is the numeric,
 * whole-valued field {@code step}, else {@code iter}, else {@code iteration}; a line without one is not a metric line.
 * Every other numeric field is a value named by its key; booleans, strings, null, arrays and nested objects are
 * skipped, and so are the step fields not chosen. Python's {@code NaN} and {@code Infinity} are kept: a loss that
 * diverges must score as failed, not on its last finite value (the store keeps finite points only).
 */
final class JsonlMetricParser implements MetricParser {

    private static final List<String> STEP_KEYS = List.of("step", "iter", "iteration");
    private static final Set<String> STEP_KEY_SET = Set.copyOf(STEP_KEYS);

    // Python's json.dumps writes NaN and Infinity bare; without this the line's other values would be lost too
    private final JsonFactory json = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Override
    public List<Value> parse(String line) {
        if (!looksLikeObject(line)) {
            return List.of();
        }
        try (JsonParser parser = json.createParser(line)) {
            return read(parser);
        } catch (IOException e) {
            return List.of(); // starts and ends with braces but is not JSON, e.g. a printed Python dict
        }
    }

    /** The cheap test that keeps ordinary log lines away from the JSON parser. */
    private static boolean looksLikeObject(String line) {
        int first = 0;
        int last = line.length() - 1;
        while (first <= last && Character.isWhitespace(line.charAt(first))) {
            first++;
        }
        while (last > first && Character.isWhitespace(line.charAt(last))) {
            last--;
        }
        return first < last && line.charAt(first) == '{' && line.charAt(last) == '}';
    }

    private static List<Value> read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Long[] steps = new Long[STEP_KEYS.size()];
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (STEP_KEY_SET.contains(name)) {
                steps[STEP_KEYS.indexOf(name)] = wholeNumber(parser, value);
            } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                names.add(name);
                values.add(parser.getDoubleValue());
            }
            parser.skipChildren();
        }
        if (parser.nextToken() != null) {
            return List.of(); // more after the object: not one JSON object
        }
        Long step = firstPresent(steps);
        return step == null ? List.of() : values(step, names, values);
    }

    private static Long wholeNumber(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            return type == JsonParser.NumberType.BIG_INTEGER ? null : parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            boolean whole = Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 0x1p63;
            return whole ? (long) value : null;
        }
        return null;
    }

    private static Long firstPresent(Long[] steps) {
        for (Long step : steps) {
            if (step != null) {
                return step;
            }
        }
        return null;
    }

    private static List<Value> values(long step, List<String> names, List<Double> values) {
        List<Value> result = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            result.add(new Value(names.get(i), step, values.get(i)));
        }
        return result;
    }
}
