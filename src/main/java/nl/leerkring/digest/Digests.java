package nl.leerkring.digest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.home.Agenda;
import nl.leerkring.mail.MailKind;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.DeliveryJob;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.platform.jobs.Outcome;
import nl.leerkring.platform.jobs.Timing;
import nl.leerkring.notification.Fanout;
import nl.leerkring.question.Question;
import nl.leerkring.session.Session;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly digest for facilitators, Monday 08:00: per community, who took part in the last week (shared
 * notes and prompt answers; private notes stay out), the open questions and the agreements past their due
 * date. One job a week for the whole server, with the week in its id, so every process agrees on it.
 */
public final class Digests extends DeliveryJob<List<Community>> {

  static final String KIND = "digest";
  private static final LocalTime AT = LocalTime.of(8, 0);
  private static final Duration TOO_LATE = Duration.ofDays(1);

  private final CommunityStore communities;
  private final Agenda agenda;
  private final String publicUrl;
  private final ZoneId zone;

  public Digests(Database db, CommunityStore communities, Agenda agenda, String publicUrl, ZoneId zone) {
    super(db.clock());
    this.communities = communities;
    this.agenda = agenda;
    this.publicUrl = publicUrl;
    this.zone = zone;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The digest job of the coming Monday; scheduling it again changes nothing. */
  public static Step next(Instant after, ZoneId zone) {
    LocalDate monday = after.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    return Jobs.at("digest:" + monday, KIND, monday.atTime(AT).atZone(zone).toInstant(), new JsonObject());
  }

  @Override
  protected Future<List<Community>> load(JsonObject job) {
    // Once a week the whole list of communities is read: fine at any size a week allows.
    return communities.all();
  }

  @Override
  protected String skipReason(JsonObject job, List<Community> all) {
    return null;
  }

  @Override
  protected Timing timing(JsonObject job, List<Community> all) {
    return Timing.at(Jobs.at(job)).tooLateAfter(TOO_LATE);
  }

  @Override
  protected Outcome tooLate(JsonObject job, List<Community> all, Instant now) {
    return Outcome.skipped("too_late", List.of(next(now, zone)));
  }

  @Override
  protected Future<Outcome> deliver(JsonObject job, List<Community> all, Instant now) {
    List<Future<List<Step>>> perCommunity = new ArrayList<>();
    all.forEach(community -> perCommunity.add(digest(job, community, now)));
    return Future.all(perCommunity).map(done -> {
      List<Step> steps = new ArrayList<>();
      perCommunity.forEach(f -> steps.addAll(f.result()));
      steps.add(next(now, zone));
      return Outcome.sent(steps);
    });
  }

  private Future<List<Step>> digest(JsonObject job, Community community, Instant now) {
    List<String> facilitators = community.withRole(Role.FACILITATOR).stream().map(Community.Member::userId).toList();
    if (facilitators.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String id = community.id();
    Instant since = now.minus(Duration.ofDays(7));
    Future<List<Note>> notes = agenda.notes(id);
    Future<List<Question>> open = agenda.questions(id);
    Future<List<Session>> sessions = agenda.sessions(id);
    return Future.all(notes, open, sessions).map(x -> {
      JsonObject model = new JsonObject()
          .put("community", community.title())
          .put("participation", participation(community, notes.result(), since))
          .put("openQuestions", openQuestions(open.result()))
          .put("overdue", overdue(sessions.result(), now))
          .put("communityUrl", publicUrl + "/c/" + id);
      List<Step> steps = new ArrayList<>();
      facilitators.forEach(f -> steps.add(Fanout.mail(job.getString("_id") + ":" + id, id, f, MailKind.DIGEST, "digest",
          new JsonArray().add(community.title()), model, null, now)));
      return steps;
    });
  }

  private static JsonArray participation(Community community, List<Note> notes, Instant since) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    community.withRole(Role.PARTICIPANT).forEach(member -> counts.put(member.userId(), new int[2]));
    for (Note note : notes) {
      int[] count = counts.get(note.authorId());
      if (count == null || note.createdAt().isBefore(since)) {
        continue;
      }
      // A private answer to a prompt counts as an answer (the facilitator sees who answered); other private notes do not count.
      if (note.promptId() != null) {
        count[1]++;
      } else if (note.visibility() == Visibility.COMMUNITY) {
        count[0]++;
      }
    }
    JsonArray out = new JsonArray();
    community.members().forEach(member -> {
      int[] count = counts.get(member.userId());
      if (count != null) {
        out.add(new JsonObject().put("name", member.displayName()).put("notes", count[0]).put("answers", count[1]));
      }
    });
    return out;
  }

  private static JsonArray openQuestions(List<Question> all) {
    JsonArray out = new JsonArray();
    all.stream().filter(Question::isOpen)
        .forEach(q -> out.add(new JsonObject().put("text", q.text()).put("status", q.status().value())));
    return out;
  }

  private JsonArray overdue(List<Session> sessions, Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    JsonArray out = new JsonArray();
    sessions.forEach(s -> s.agreements().stream()
        .filter(a -> !a.done() && a.due() != null && a.due().isBefore(today))
        .forEach(a -> out.add(new JsonObject().put("what", a.what()).put("owner", a.ownerName())
            .put("due", a.due().toString()))));
    return out;
  }
}
