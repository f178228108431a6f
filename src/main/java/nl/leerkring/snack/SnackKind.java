package nl.leerkring.snack;

import nl.leerkring.platform.ClosedList;

/**
 * What a learning snack is: a tip, a checklist (one step a line), a link to read or a video to watch. Any of
 * them may carry a photo. Messages: {@code snack.kind.<value>}.
 */
public enum SnackKind implements ClosedList {
  TIP, CHECKLIST, LINK, VIDEO;

  public static SnackKind parse(String value) {
    return ClosedList.parse(SnackKind.class, value);
  }

  /** A link and a video are their address; a tip and a checklist are their text. */
  public boolean needsUrl() {
    return this == LINK || this == VIDEO;
  }
}
