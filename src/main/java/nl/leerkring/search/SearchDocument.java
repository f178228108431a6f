package nl.leerkring.search;

import nl.leerkring.contribution.Contribution;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.question.Question;
import nl.leerkring.session.Agreement;
import nl.leerkring.session.Session;
import nl.leerkring.snack.Snack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One thing as search sees it, read from its own feature's record: what it is, where it belongs, who may read
 * it, its text and where it is shown. {@code key} ({@code collection/id}) names it in the index.
 * {@code readableBy} is the owning feature's own rule (for a note {@link Note#visibleTo}), never a copy of it.
 */
record SearchDocument(String key, SearchKind kind, String id, String communityId, int cycle, List<String> questionIds,
                      String authorId, String authorName, Predicate<String> readableBy, String title, String text,
                      String link, Instant at) {

  /** Nobody's user id: whoever can read a document as nobody, the whole community can read. */
  private static final String NOBODY = "";
  /** The index's reader value of a document the whole community may read. */
  static final String EVERYONE = "*";

  static String key(String collection, String id) {
    return collection + "/" + id;
  }

  /** Who may find it in the index: everyone in the community, or only its author. */
  String reader() {
    return readableBy.test(NOBODY) ? EVERYONE : authorId;
  }

  static SearchDocument of(Question q) {
    String text = q.answerSummary() == null || q.answerSummary().isBlank() ? q.text()
        : q.text() + "\n" + q.answerSummary();
    return new SearchDocument(key("questions", q.id()), SearchKind.QUESTION, q.id(), q.communityId(),
        q.raisedInCycle(), List.of(q.id()), q.raisedBy(), q.raisedByName(), anyone -> true, q.text(), text,
        "/questions/" + q.id(), q.createdAt());
  }

  static SearchDocument of(Note n) {
    String text = Stream.of(n.text(), n.tried(), n.happened()).filter(Objects::nonNull)
        .collect(Collectors.joining("\n"));
    return new SearchDocument(key("notes", n.id()), SearchKind.NOTE, n.id(), n.communityId(), n.cycle(),
        n.questionIds(), n.authorId(), n.authorName(), n::visibleTo, firstLine(n.text()), text, "/notes/" + n.id(),
        n.createdAt());
  }

  static SearchDocument of(Contribution c) {
    String text = Stream.concat(Stream.of(c.text()), c.references().stream().map(Contribution.Reference::title))
        .collect(Collectors.joining("\n"));
    String link = c.questionIds().isEmpty() ? "/c/" + c.communityId() : "/questions/" + c.questionIds().get(0);
    return new SearchDocument(key("contributions", c.id()), SearchKind.CONTRIBUTION, c.id(), c.communityId(), 0,
        c.questionIds(), c.authorId(), c.authorName(), anyone -> true, firstLine(c.text()), text, link,
        c.createdAt());
  }

  /** A cycle is found once it is closed with its harvest; an active cycle has none yet. */
  static List<SearchDocument> of(Cycle c) {
    if (c.harvest() == null) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(List.of(c.harvest().learned(), c.harvest().changedInWork(),
        c.harvest().stillOpen()));
    if (c.nextSteps() != null) {
      parts.addAll(c.nextSteps());
    }
    String text = parts.stream().filter(Objects::nonNull).collect(Collectors.joining("\n"));
    return List.of(new SearchDocument(key("cycles", c.id()), SearchKind.HARVEST, c.id(), c.communityId(), c.number(),
        List.of(), c.closedBy(), null, anyone -> true, c.goal(), text, "/c/" + c.communityId() + "/cycles",
        c.closedAt()));
  }

  /** A session is found by what it brought: its summary and the agreements made in it. */
  static List<SearchDocument> of(Session s) {
    List<String> parts = new ArrayList<>();
    if (s.summary() != null && !s.summary().isBlank()) {
      parts.add(s.summary());
    }
    s.agreements().stream().map(Agreement::what).forEach(parts::add);
    if (parts.isEmpty()) {
      return List.of();
    }
    List<String> questions = s.agreements().stream().map(Agreement::questionId).filter(Objects::nonNull).distinct()
        .toList();
    return List.of(new SearchDocument(key("sessions", s.id()), SearchKind.HARVEST, s.id(), s.communityId(), s.cycle(),
        questions, null, null, anyone -> true, null, String.join("\n", parts), "/sessions/" + s.id(), s.startsAt()));
  }

  static SearchDocument of(Snack s) {
    String text = Stream.of(s.title(), s.text(), s.url()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    return new SearchDocument(key("snacks", s.id()), SearchKind.SNACK, s.id(), s.communityId(), s.cycle(),
        List.of(s.questionId()), s.authorId(), s.authorName(), anyone -> true, s.title(), text,
        "/questions/" + s.questionId() + "#snack-" + s.id(), s.createdAt());
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= 120 ? line : line.substring(0, 119) + "…";
  }
}
