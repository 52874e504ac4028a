package com.rooms.membership;

import java.util.Optional;
import java.util.function.Function;

/** The one way an enum of this package is read from its wire (and column) value. */
final class WireValues {
    private WireValues() {
    }

    /** The constant whose wire value is {@code value}; empty for anything else, null included. */
    static <E extends Enum<E>> Optional<E> find(E[] constants, Function<E, String> wire, String value) {
        for (E constant : constants) {
            if (wire.apply(constant).equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
