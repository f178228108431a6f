package nl.leerkring.portfolio;

import nl.leerkring.community.Community;
import nl.leerkring.community.Role;
import nl.leerkring.contribution.Contribution;
import nl.leerkring.contribution.ContributionKind;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.Harvest;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.session.Agreement;
import nl.leerkring.session.Phase;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("What goes into a person's portfolio, and how learning hours are counted (no server)")
class PortfolioRulesTest {

  private static final Instant START = Instant.parse("2026-09-01T08:00:00Z");
  private static final String ME = "u-sanne";

  @Test
  @DisplayName("Only sessions she attended that took place, her questions, her notes, lecturer's answers to her questions and agreements she kept")
  void whatCounts() {
    Community c = new Community("c-1", "o-1", new Community.Challenge("Inregelen", "", "", ""),
        List.of(new Community.Member(ME, "Sanne", Role.PARTICIPANT, START)), 2, "u-admin", START);
    Cycle first = Cycle.first("c-1", "doel", START).closed(new Harvest("a", "b", "c"), List.of(), "u-f", day(30));
    Cycle second = first.next("doel 2", List.of(), List.of(), day(30));
    List<Session> sessions = List.of(
        session("s-held", 1, day(10), SessionStatus.DONE, List.of(ME, "u-x"), 90,
            List.of(agreement("a-mine", ME, true), agreement("a-open", ME, false), agreement("a-other", "u-x", true))),
        session("s-absent", 1, day(12), SessionStatus.DONE, List.of("u-x"), 120, List.of()),
        session("s-planned", 2, day(40), SessionStatus.PLANNED, List.of(ME), 120, List.of()),
        session("s-second", 2, day(35), SessionStatus.DONE, List.of(ME), 45, List.of()));
    List<Question> questions = new ArrayList<>(List.of(
        Question.raised("q-raised", "c-1", "Welke stooklijn?", null, Priority.HIGH, false, ME, "Sanne", 1, day(5)),
        Question.raised("q-other", "c-1", "Buffervat?", null, Priority.LOW, false, "u-x", "X", 1, day(6))));
    Question answeredByMe = Question.raised("q-answered", "c-1", "Meten?", null, Priority.LOW, false, "u-x", "X", 2,
        day(31));
    List<Question.StatusChange> history = new ArrayList<>(answeredByMe.history());
    history.add(new Question.StatusChange(QuestionStatus.ANSWERED, ME, "Sanne", day(33), 2));
    questions.add(new Question("q-answered", "c-1", "Meten?", null, Priority.LOW, QuestionStatus.ANSWERED, false,
        "Zo.", "u-x", "X", 2, history, List.of(), List.of(), List.of(), day(31)));
    List<Note> notes = List.of(note("n-mine", ME, 1, day(11)), note("n-other", "u-x", 1, day(11)));
    List<Contribution> contributions = List.of(contribution("k-mine", List.of("q-raised"), day(20)),
        contribution("k-late", List.of("q-answered"), day(34)), contribution("k-other", List.of("q-other"), day(20)));

    List<Item> items = Portfolio.of(ME, List.of(new Portfolio.Source(c, List.of(first, second), sessions, questions,
        notes, contributions)));

    assertEquals(List.of("session:s-second", "contribution:k-late", "question:q-answered", "contribution:k-mine",
        "note:n-mine", "session:s-held", "question:q-raised", "agreement:a-mine"), items.stream().map(Item::key).toList());
    assertEquals(1, items.stream().filter(i -> i.id().equals("k-mine")).findFirst().orElseThrow().cycle(),
        "a contribution belongs to the cycle it was added in");
    assertEquals(2, items.stream().filter(i -> i.id().equals("k-late")).findFirst().orElseThrow().cycle());
    assertEquals(2.3, Portfolio.hours(items), "90 + 45 minutes of sessions attended, to a tenth of an hour");
  }

  private static Instant day(int days) {
    return START.plusSeconds(days * 86_400L);
  }

  private static Session session(String id, int cycle, Instant at, SessionStatus status, List<String> present,
                                 int minutes, List<Agreement> agreements) {
    return new Session(id, "c-1", cycle, at, ZoneId.of("Europe/Amsterdam"), minutes, "Kantine", null, status,
        Phase.CHECK_IN, List.of(Phase.values()), present, agreements, List.of(), null, 0, at);
  }

  private static Agreement agreement(String id, String owner, boolean done) {
    return new Agreement(id, "Afspraak " + id, owner, owner, null, null, done, START);
  }

  private static Note note(String id, String author, int cycle, Instant at) {
    return new Note(id, "c-1", cycle, author, author, NoteKind.OBSERVATION, "Notitie " + id, null, null,
        Visibility.PRIVATE, List.of(), List.of(), null, null, at, null);
  }

  private static Contribution contribution(String id, List<String> questionIds, Instant at) {
    return new Contribution(id, "c-1", "u-ruben", "Ruben", ContributionKind.SOURCE, "Bron " + id, questionIds,
        List.of(), at);
  }
}
