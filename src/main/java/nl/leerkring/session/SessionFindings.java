package nl.leerkring.session;

import io.vertx.core.Future;
import nl.leerkring.community.Membership;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.question.QuestionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The findings sessions and questions hold: agreements marked done, and questions answered. */
public final class SessionFindings {

  /** The questions a community is looking at; an answer to one older than these is not news. */
  static final int RECENT_QUESTIONS = 200;

  private SessionFindings() {
  }

  /** Agreements marked done in the range, read from the community's sessions, as everyone there sees them. */
  public static FindingSource agreements(SessionStore sessions) {
    return (reader, from, until, limit) -> sessions.ofCommunity(reader.communityId()).map(all -> {
      List<Finding> out = new ArrayList<>();
      all.forEach(s -> s.agreements().stream()
          .filter(a -> a.done() && a.doneAt() != null && FindingSource.within(a.doneAt(), from, until))
          .forEach(a -> out.add(new Finding(FindingKind.AGREEMENT, a.what(), a.ownerName(), a.doneAt(),
              a.questionId() == null ? List.of() : List.of(a.questionId()), "/sessions/" + s.id()))));
      return newest(out, limit);
    });
  }

  /** Questions that became answered in the range, with their answer summary. */
  public static FindingSource answers(QuestionStore questions) {
    return (Membership reader, Instant from, Instant until, int limit) ->
        questions.newest(reader.communityId(), RECENT_QUESTIONS).map(recent -> {
          List<Finding> out = new ArrayList<>();
          recent.stream().filter(q -> q.status() == QuestionStatus.ANSWERED).forEach(q -> q.history().stream()
              .filter(h -> h.status() == QuestionStatus.ANSWERED && FindingSource.within(h.at(), from, until))
              .reduce((first, second) -> second)
              .ifPresent(h -> out.add(new Finding(FindingKind.ANSWER, q.answerSummary(), h.byName(), h.at(),
                  List.of(q.id()), "/questions/" + q.id()))));
          return newest(out, limit);
        });
  }

  static List<Finding> newest(List<Finding> found, int limit) {
    return found.stream().sorted(Comparator.comparing(Finding::at).reversed()).limit(limit).toList();
  }
}
