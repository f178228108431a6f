package nl.leerkring.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("What \"since last time\" shows, per question")
class SinceLastTimeTest {

  private static final Question BUFFER = question("q-buffer", "Wanneer is een buffervat nodig?");
  private static final Question METEN = question("q-meten", "Wat meten we bij oplevering?");

  @Test
  @DisplayName("Findings are grouped per question, newest question and newest finding first; one for two questions is at both")
  void perQuestion() {
    JsonObject grouped = SinceLastTime.grouped(List.of(
        finding(FindingKind.NOTE, "Fabrikant zegt: buffervat onder 20 liter systeeminhoud", "2026-11-20T10:00:00Z", "q-buffer"),
        finding(FindingKind.CONTRIBUTION, "Zie de ISSO-publicatie", "2026-11-22T10:00:00Z", "q-buffer", "q-meten"),
        finding(FindingKind.AGREEMENT, "Meetformulier maken", "2026-11-21T10:00:00Z", "q-meten")),
        List.of(BUFFER, METEN));

    JsonArray groups = grouped.getJsonArray("groups");
    assertEquals(2, groups.size());
    assertEquals("q-buffer", groups.getJsonObject(0).getString("questionId"));
    assertEquals(List.of("Zie de ISSO-publicatie", "Fabrikant zegt: buffervat onder 20 liter systeeminhoud"),
        texts(groups.getJsonObject(0).getJsonArray("items")));
    assertEquals(List.of("Zie de ISSO-publicatie", "Meetformulier maken"), texts(groups.getJsonObject(1).getJsonArray("items")));
    assertEquals(3, grouped.getJsonArray("totals").stream().mapToInt(t -> ((JsonObject) t).getInteger("count")).sum(),
        "a finding at two questions counts once");
  }

  @Test
  @DisplayName("A finding on no question, or on a question of another community, is shown under \"other\"")
  void other() {
    JsonObject grouped = SinceLastTime.grouped(List.of(
        finding(FindingKind.NOTE, "Algemene tip", "2026-11-20T10:00:00Z"),
        finding(FindingKind.NOTE, "Elders", "2026-11-21T10:00:00Z", "q-elsewhere")), List.of(BUFFER));
    assertEquals(0, grouped.getJsonArray("groups").size());
    assertEquals(List.of("Elders", "Algemene tip"), texts(grouped.getJsonArray("other")));
    assertEquals(false, grouped.getBoolean("empty"));
    assertTrue(SinceLastTime.grouped(List.of(), List.of()).getBoolean("empty"));
  }

  @Test
  @DisplayName("A long text is cut to an excerpt; the link leads to the rest")
  void excerpt() {
    JsonObject view = finding(FindingKind.NOTE, "x".repeat(400), "2026-11-20T10:00:00Z").view();
    assertEquals(Finding.EXCERPT + 1, view.getString("text").length());
    assertTrue(view.getString("text").endsWith("…"));
  }

  @Test
  @DisplayName("The previous session is the last one before, not cancelled; the first session has none")
  void previous() {
    Session first = session("s-1", "2026-10-01T13:30:00Z", SessionStatus.DONE);
    Session cancelled = session("s-2", "2026-10-15T13:30:00Z", SessionStatus.CANCELLED);
    Session next = session("s-3", "2026-10-29T14:30:00Z", SessionStatus.PLANNED);
    List<Session> all = List.of(next, first, cancelled);
    assertEquals("s-1", SinceLastTime.previous(all, next).orElseThrow().id());
    assertTrue(SinceLastTime.previous(all, first).isEmpty());
  }

  private static Finding finding(FindingKind kind, String text, String at, String... questionIds) {
    return new Finding(kind, text, "Sanne Visser", Instant.parse(at), List.of(questionIds), "/notes/n");
  }

  private static List<String> texts(JsonArray items) {
    return items.stream().map(i -> ((JsonObject) i).getString("text")).toList();
  }

  private static Question question(String id, String text) {
    return Question.raised(id, "c-1", text, "techniek", Priority.MEDIUM, false, "u-1", "Joost", 1,
        Instant.parse("2026-09-01T10:00:00Z"));
  }

  private static Session session(String id, String startsAt, SessionStatus status) {
    return new Session(id, "c-1", 1, Instant.parse(startsAt), ZoneId.of("Europe/Amsterdam"), 120, null, null, status,
        Phase.CHECK_IN, List.of(Phase.CHECK_IN), List.of(), List.of(), List.of(), null, 0,
        Instant.parse("2026-09-01T00:00:00Z"));
  }
}
