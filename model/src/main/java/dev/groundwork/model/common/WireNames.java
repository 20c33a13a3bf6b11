package dev.groundwork.model.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Converts enum constants to and from their wire names ({@code TIMED_OUT} ↔ {@code timed-out}). The names of each enum
 * are made once: the store maps every row's statuses through here, and a 20,000-run study made 100 MB of throw-away
 * strings when each call built them again.
 */
public final class WireNames {

    /** An enum's wire names by ordinal, and its constants by wire name. */
    private record Names(String[] byOrdinal, Map<String, Enum<?>> byName) {}

    private static final ClassValue<Names> NAMES = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> type) {
            Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
            String[] byOrdinal = new String[constants.length];
            Map<String, Enum<?>> byName = new HashMap<>();
            for (Enum<?> constant : constants) {
                byOrdinal[constant.ordinal()] = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
                byName.put(byOrdinal[constant.ordinal()], constant);
            }
            return new Names(byOrdinal, Map.copyOf(byName));
        }
    };

    private WireNames() {}

    public static String of(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass()).byOrdinal()[value.ordinal()];
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        Enum<?> value = wire == null ? null : NAMES.get(type).byName().get(wire);
        if (value == null) {
            throw new IllegalArgumentException("'" + wire + "' is not one of " + allowed(type));
        }
        return type.cast(value);
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(NAMES.get(type).byOrdinal()).collect(Collectors.joining(", "));
    }
}
