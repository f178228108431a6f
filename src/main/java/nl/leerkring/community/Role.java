package nl.leerkring.community;

/** What a member does in a community. */
public enum Role {
  PARTICIPANT, FACILITATOR, LECTURER;

  public static Role parse(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
