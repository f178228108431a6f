package nl.leerkring.prompt;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A prompt the facilitator sends between sessions. {@code recipientIds} null means every member;
 * {@code occurrenceOf} names the prompt a repeated one came from (null for the first).
 */
public record Prompt(String id, String communityId, int cycle, String text, Instant sendAt, ZoneId zone,
                     List<String> recipientIds, String createdBy, String createdByName, Instant createdAt,
                     List<Answer> answers, String occurrenceOf) {

  public Prompt {
    recipientIds = recipientIds == null ? null : List.copyOf(recipientIds);
    answers = List.copyOf(answers);
  }

  /** Who answered, with the note that holds the answer; the note keeps the visibility its writer chose. */
  public record Answer(String userId, String noteId, Instant at) {
  }

  public boolean isFor(String userId) {
    return recipientIds == null || recipientIds.contains(userId);
  }

  public boolean sentBy(Instant now) {
    return !sendAt.isAfter(now);
  }

  public boolean answeredBy(String userId) {
    return answers.stream().anyMatch(a -> a.userId().equals(userId));
  }

  /** Every occurrence after the first is a prompt of its own, answered on its own. */
  public Prompt occurrence(int number, Instant now) {
    return new Prompt(id + "-" + number, communityId, cycle, text, now, zone, recipientIds, createdBy, createdByName,
        now, List.of(), id);
  }
}
