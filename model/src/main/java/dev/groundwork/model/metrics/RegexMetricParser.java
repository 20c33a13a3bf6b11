package dev.groundwork.model.metrics;

import dev.groundwork.model.spec.MetricRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines matched by the spec's {@link MetricRegex}: the {@code step} group is the step (a whole number) and every other
 * group that took part and holds a finite number is a value named by its group. A match whose step is not a whole
 * number is not a metric line.
 */
final class RegexMetricParser implements MetricParser {

    private final MetricRegex regex;

    RegexMetricParser(MetricRegex regex) {
        this.regex = regex;
    }

    @Override
    public List<Value> parse(String line) {
        Optional<Map<String, String>> match = regex.match(line);
        if (match.isEmpty()) {
            return List.of();
        }
        Map<String, String> groups = match.get();
        Long step = wholeNumber(groups.get(MetricRegex.STEP));
        if (step == null) {
            return List.of();
        }
        List<Value> values = new ArrayList<>(groups.size() - 1);
        groups.forEach((name, text) -> {
            Double value = name.equals(MetricRegex.STEP) ? null : number(text);
            if (value != null) {
                values.add(new Value(name, step, value));
            }
        });
        return values;
    }

    // Only matched lines get here, so a rare malformed capture may cost an exception.
    private static Long wholeNumber(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
