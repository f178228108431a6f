package nl.leerkring.session;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@DisplayName("A session as stored and as shown")
class SessionDocumentTest {

  private static final Session HELD = new Session("s-1", "c-1", 2, Instant.parse("2026-03-29T00:30:00Z"),
      ZoneId.of("Europe/Amsterdam"), 90, "Kantine", "https://meet.example/x", SessionStatus.DONE, Phase.CHECK_OUT,
      List.of(Phase.CHECK_IN, Phase.EXPLORE, Phase.CHECK_OUT), List.of("u-1", "u-2"),
      List.of(new Agreement("a-1", "Stooklijn verlagen", "u-1", "Sanne", "q-1", LocalDate.of(2026, 4, 2), false,
          Instant.parse("2026-03-29T01:00:00Z"))),
      List.of("q-1", "q-2"), "Vijf vragen benoemd.", 3, Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  @DisplayName("what is stored is read back as the same session, agreements and named questions included")
  void roundTrip() {
    assertEquals(HELD, SessionDocument.from(SessionDocument.of(HELD)));
  }

  @Test
  @DisplayName("a session just planned is read back the same, without place or link")
  void plannedRoundTrip() {
    Session planned = Session.planned("s-2", "c-1", 1, Instant.parse("2026-10-25T01:30:00Z"),
        ZoneId.of("Europe/Amsterdam"), 120, null, null, List.of(Phase.values()), Instant.parse("2026-10-01T08:00:00Z"));
    assertEquals(planned, SessionDocument.from(SessionDocument.of(planned)));
  }

  @Test
  @DisplayName("the API shows the local start in the session's own zone, not the stored question ids or calendar revision")
  void view() {
    JsonObject view = HELD.view();
    assertEquals("s-1", view.getString("id"));
    assertEquals("2026-03-29T01:30", view.getString("localStart"), "before the clocks move forward at 02:00");
    assertFalse(view.containsKey("questionIds"));
    assertFalse(view.containsKey("sequence"));
    assertFalse(view.containsKey("_id"));
    assertEquals("check-out", view.getString("phase"));
    assertEquals("Sanne", view.getJsonArray("agreements").getJsonObject(0).getString("ownerName"));
  }

  @Test
  @DisplayName("an update sets exactly the fields that changed")
  void changes() {
    Session moved = new Session(HELD.id(), HELD.communityId(), HELD.cycle(), Instant.parse("2026-04-05T13:00:00Z"),
        HELD.zone(), HELD.durationMinutes(), "Werkplaats", HELD.onlineLink(), HELD.status(), HELD.phase(),
        HELD.phases(), HELD.attendance(), HELD.agreements(), HELD.questionIds(), HELD.summary(), HELD.sequence(),
        HELD.createdAt());
    assertEquals(new JsonObject().put("startsAt", "2026-04-05T13:00:00Z").put("place", "Werkplaats"),
        SessionStore.changes(HELD, moved));
  }

  @Test
  @DisplayName("every update raises the session's revision; the calendar's SEQUENCE rises only with a move, not with "
      + "a phase; no change, no update")
  void revisionAndSequence() {
    Session moved = at(Instant.parse("2026-04-05T13:00:00Z"), HELD.phase());
    Session nextPhase = at(HELD.startsAt(), Phase.EXPLORE);
    Instant now = Instant.parse("2026-03-29T01:10:00Z");

    assertEquals(new JsonObject().put("revision", 1).put("sequence", 1),
        SessionJobs.changed(HELD, moved, "u-f", now).get(0).update().getJsonObject("$inc"));
    assertEquals(new JsonObject().put("revision", 1),
        SessionJobs.changed(HELD, nextPhase, "u-f", now).get(0).update().getJsonObject("$inc"));
    assertEquals(List.of(), SessionJobs.changed(HELD, HELD, "u-f", now));
    assertEquals(3, SessionDocument.from(SessionDocument.of(HELD).put("revision", 3)).revision());
  }

  private static Session at(Instant startsAt, Phase phase) {
    return new Session(HELD.id(), HELD.communityId(), HELD.cycle(), startsAt, HELD.zone(), HELD.durationMinutes(),
        HELD.place(), HELD.onlineLink(), HELD.status(), phase, HELD.phases(), HELD.attendance(), HELD.agreements(),
        HELD.questionIds(), HELD.summary(), HELD.sequence(), HELD.createdAt());
  }
}
