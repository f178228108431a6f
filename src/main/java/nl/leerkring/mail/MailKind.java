package nl.leerkring.mail;

import java.util.Arrays;
import java.util.List;

/** The kinds of mail a person can turn off one by one. Invitations go to people who have no account yet. */
public enum MailKind {
  PROMPT("prompt"),
  PROMPT_REMINDER("promptReminder"),
  SESSION_REMINDER("sessionReminder"),
  SESSION_CHANGE("sessionChange"),
  DIGEST("digest"),
  SCAN("scan");

  private final String value;

  MailKind(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(MailKind::value).toList();
  }
}
