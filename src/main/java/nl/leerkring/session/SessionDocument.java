package nl.leerkring.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A session's stored shape; used by {@link SessionStore} only, and by the hooks that take a document. */
public final class SessionDocument {

  private SessionDocument() {
  }

  public static JsonObject of(Session s) {
    JsonArray agreements = new JsonArray();
    s.agreements().forEach(a -> agreements.add(of(a)));
    return new JsonObject()
        .put("_id", s.id())
        .put("communityId", s.communityId())
        .put("cycle", s.cycle())
        .put("startsAt", Times.format(s.startsAt()))
        .put("zone", s.zone().getId())
        .put("durationMinutes", s.durationMinutes())
        .put("place", s.place())
        .put("onlineLink", s.onlineLink())
        .put("status", s.status().value())
        .put("phase", s.phase().value())
        .put("phases", new JsonArray(s.phases().stream().map(Phase::value).toList()))
        .put("attendance", new JsonArray(s.attendance()))
        .put("agreements", agreements)
        .put("questionIds", new JsonArray(s.questionIds()))
        .put("summary", s.summary())
        .put("sequence", s.sequence())
        .put("createdAt", Times.format(s.createdAt()))
        .put("timer", s.timer() == null ? null : of(s.timer()))
        .put("revision", s.revision());
  }

  public static Session from(JsonObject d) {
    List<Agreement> agreements = d.getJsonArray("agreements", new JsonArray()).stream()
        .map(a -> agreement((JsonObject) a)).toList();
    return new Session(d.getString("_id"), d.getString("communityId"), d.getInteger("cycle"),
        Instant.parse(d.getString("startsAt")), LocalTimes.stored(d.getString("zone")),
        d.getInteger("durationMinutes", 120), d.getString("place"), d.getString("onlineLink"),
        SessionStatus.parse(d.getString("status")), Phase.parse(d.getString("phase")),
        IdLists.strings(d.getJsonArray("phases")).stream().map(Phase::parse).toList(),
        IdLists.strings(d.getJsonArray("attendance", new JsonArray())), agreements,
        IdLists.strings(d.getJsonArray("questionIds", new JsonArray())), d.getString("summary"),
        d.getInteger("sequence", 0), Instant.parse(d.getString("createdAt")), timer(d.getJsonObject("timer")),
        d.getInteger("revision", 0));
  }

  private static JsonObject of(StageTimer t) {
    return new JsonObject()
        .put("phase", t.phase().value())
        .put("minutes", t.minutes())
        .put("endsAt", Times.format(t.endsAt()));
  }

  private static StageTimer timer(JsonObject t) {
    return t == null ? null : new StageTimer(Phase.parse(t.getString("phase")), t.getInteger("minutes"),
        Instant.parse(t.getString("endsAt")));
  }

  static JsonObject of(Agreement a) {
    return new JsonObject()
        .put("id", a.id())
        .put("what", a.what())
        .put("ownerId", a.ownerId())
        .put("ownerName", a.ownerName())
        .put("questionId", a.questionId())
        .put("due", a.due() == null ? null : a.due().toString())
        .put("done", a.done())
        .put("createdAt", Times.format(a.createdAt()))
        .put("doneAt", a.doneAt() == null ? null : Times.format(a.doneAt()));
  }

  private static Agreement agreement(JsonObject a) {
    String due = a.getString("due");
    return new Agreement(a.getString("id"), a.getString("what"), a.getString("ownerId"), a.getString("ownerName"),
        a.getString("questionId"), due == null ? null : LocalDate.parse(due), a.getBoolean("done", false),
        Instant.parse(a.getString("createdAt")), a.getString("doneAt") == null ? null : Instant.parse(a.getString("doneAt")));
  }
}
