package nl.leerkring.platform;

import java.util.Locale;

/**
 * A closed list of values (note kinds, question statuses, roles...) as a Java enum: the one place that names
 * them. The contract, the stored documents and the message keys spell a constant as {@link #value()};
 * {@code ClosedListsTest} checks that the contract and every message bundle agree with the enum.
 */
public interface ClosedList {

  /** {@code LOOK_UP} is spelled {@code look-up}. */
  default String value() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E> & ClosedList> E parse(Class<E> list, String value) {
    for (E constant : list.getEnumConstants()) {
      if (constant.value().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("Not a " + list.getSimpleName() + ": " + value);
  }
}
