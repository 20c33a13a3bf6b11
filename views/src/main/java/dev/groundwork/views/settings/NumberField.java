package dev.groundwork.views.settings;

import java.math.BigDecimal;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A number typed into the Settings page, checked as it is typed: {@link #errorProperty()} is a sentence while the
 * text is not a value the spec accepts, and empty once it is.
 */
public final class NumberField {

    /** What the field holds. */
    public enum Kind {
        /** A whole number of at least 1 (epochs, ideas per epoch, runs at once); never empty. */
        COUNT,
        /** An amount of at least 0, or empty for no limit (budgets). */
        LIMIT
    }

    static final long MAX_COUNT = 1_000_000;

    private final Kind kind;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringBinding error;

    public NumberField(Kind kind) {
        this.kind = kind;
        this.error = Bindings.createStringBinding(() -> problem(kind, text.get()), text);
    }

    /** The sentence for {@code typed}; empty when it is a value the spec accepts. */
    static String problem(Kind kind, String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return kind == Kind.COUNT ? "Type a whole number of at least 1." : "";
        }
        Optional<BigDecimal> number = parse(value);
        if (kind == Kind.COUNT) {
            if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0) {
                return "'" + value + "' is not a whole number; type one of at least 1, e.g. 4.";
            }
            if (number.get().signum() <= 0) {
                return value + " is too few; type a whole number of at least 1.";
            }
            if (number.get().compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                return value + " is more than Groundwork counts to; type at most " + MAX_COUNT + ".";
            }
            return "";
        }
        if (number.isEmpty()) {
            return "'" + value + "' is not a number; type an amount such as 20, or leave it empty for no limit.";
        }
        if (number.get().signum() < 0) {
            return "A limit cannot be negative; type 0 or more, or leave it empty for no limit.";
        }
        return "";
    }

    private static Optional<BigDecimal> parse(String value) {
        if (!value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return Optional.empty(); // no exponents, NaN or Infinity: nobody types a budget as 2e1
        }
        return Optional.of(new BigDecimal(value));
    }

    /** Shows {@code value} as a person writes it: 5 rather than 5.0; empty for none. */
    public void show(Optional<Double> value) {
        text.set(value.map(NumberField::written).orElse(""));
    }

    static String written(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * The value for groundwork.yaml, as written: {@code 12}, {@code 2.5}; empty for no limit.
     *
     * @throws IllegalStateException while the text is not valid
     */
    public Optional<String> yamlValue() {
        if (!isValid()) {
            throw new IllegalStateException(error.get());
        }
        String value = text.get().strip();
        return value.isEmpty() ? Optional.empty()
                : Optional.of(new BigDecimal(value).stripTrailingZeros().toPlainString());
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the text, as a sentence; empty when nothing is. */
    public StringBinding errorProperty() {
        return error;
    }
}
