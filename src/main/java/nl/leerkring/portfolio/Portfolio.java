package nl.leerkring.portfolio;

import nl.leerkring.community.Community;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one person learned and did, made from the documents of their communities (no store, no server): the
 * sessions they attended, the questions they raised, owned or answered, their field notes (private ones too:
 * the portfolio is theirs), the lecturer's contributions to their questions, and the agreements they finished.
 * Learning hours are the lengths of the sessions they attended, as the facilitator recorded attendance; field
 * notes carry no time, so they add none.
 */
public final class Portfolio {

  /** One community's documents, read by {@link PortfolioService}; {@code notes} are the person's own. */
  public record Source(Community community, List<Cycle> cycles, List<Session> sessions, List<Question> questions,
                       List<Note> notes, List<Contribution> contributions) {
  }

  private Portfolio() {
  }

  /** Every item of the person, newest first. */
  public static List<Item> of(String userId, List<Source> sources) {
    List<Item> items = new ArrayList<>();
    for (Source in : sources) {
      items.addAll(from(userId, in));
    }
    items.sort(Comparator.comparing(Item::at).reversed().thenComparing(Item::key));
    return items;
  }

  /** Session hours to a tenth of an hour, as the harvest report counts them. */
  public static double hours(List<Item> items) {
    int minutes = items.stream().mapToInt(Item::minutes).sum();
    return Math.round(minutes / 6.0) / 10.0;
  }

  private static List<Item> from(String userId, Source in) {
    Community c = in.community();
    List<Item> items = new ArrayList<>();
    for (Session s : in.sessions()) {
      if (s.is(SessionStatus.DONE) && s.attendance().contains(userId)) {
        items.add(new Item(PortfolioKind.SESSION, s.id(), c.id(), c.title(), s.cycle(), s.startsAt(),
            s.place() == null ? "" : s.place(), s.summary(), null, s.durationMinutes()));
      }
      s.agreements().stream().filter(a -> a.done() && userId.equals(a.ownerId())).forEach(a ->
          items.add(new Item(PortfolioKind.AGREEMENT, a.id(), c.id(), c.title(), s.cycle(), a.createdAt(), a.what(),
              null, null, 0)));
    }
    Set<String> mine = new HashSet<>();
    for (Question q : in.questions()) {
      if (involved(userId, q)) {
        mine.add(q.id());
        items.add(new Item(PortfolioKind.QUESTION, q.id(), c.id(), c.title(), q.raisedInCycle(), q.createdAt(),
            q.text(), q.answerSummary(), q.status().value(), 0));
      }
    }
    in.notes().stream().filter(n -> n.communityId().equals(c.id()) && userId.equals(n.authorId())).forEach(n ->
        items.add(new Item(PortfolioKind.NOTE, n.id(), c.id(), c.title(), n.cycle(), n.createdAt(), n.text(),
            n.happened(), n.kind().value(), 0)));
    in.contributions().stream().filter(k -> k.questionIds().stream().anyMatch(mine::contains)).forEach(k ->
        items.add(new Item(PortfolioKind.CONTRIBUTION, k.id(), c.id(), c.title(), cycleAt(in.cycles(), k.createdAt(),
            c.currentCycle()), k.createdAt(), k.text(), k.authorName(), k.kind().value(), 0)));
    return items;
  }

  /** Raised, owned, or moved to answered by the person. */
  private static boolean involved(String userId, Question q) {
    return userId.equals(q.raisedBy()) || q.owners().contains(userId) || q.history().stream()
        .anyMatch(h -> h.status() == QuestionStatus.ANSWERED && userId.equals(h.by()));
  }

  private static int cycleAt(List<Cycle> cycles, Instant at, int current) {
    return cycles.stream().filter(cy -> !at.isBefore(cy.startedAt()) && (cy.closedAt() == null || at.isBefore(cy.closedAt())))
        .mapToInt(Cycle::number).findFirst().orElse(current);
  }
}
