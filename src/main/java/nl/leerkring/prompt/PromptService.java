package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompts the facilitator sends between sessions. Delivery is in-app: a prompt reaches its recipients once
 * its time has come. An answer is a reflection note in the member's journal, linked to the prompt.
 */
public final class PromptService {

  /** What "my prompts" looks at per community: a facilitator sends a few a month, so this reaches months back. */
  static final int RECENT = 20;

  private final Database db;
  private final PromptStore store;
  private final Access access;
  private final CommunityStore communities;
  private final NoteStore notes;
  private final ActivityLog activity;
  /** The installation's zone: when a prompt planned without one is sent. */
  private final ZoneId zone;

  public PromptService(Database db, PromptStore store, Access access, CommunityStore communities, NoteStore notes,
                       ActivityLog activity, ZoneId zone) {
    this.zone = zone;
    this.db = db;
    this.store = store;
    this.access = access;
    this.communities = communities;
    this.notes = notes;
    this.activity = activity;
  }

  public Future<JsonObject> schedule(Caller caller, String communityId, JsonObject body) {
    return access.in(caller, communityId).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      Instant now = db.clock().instant();
      ZoneId at = LocalTimes.zone(body.getString("zone"), zone, "zone");
      Instant sendAt = body.getString("sendAt") == null ? now
          : LocalTimes.future(body.getString("sendAt"), at, now, "sendAt");
      JsonArray recipients = body.getJsonArray("recipientIds");
      if (recipients != null) {
        if (recipients.isEmpty()) {
          throw Problem.invalidField("recipientIds", "none_chosen", "Choose at least one recipient, or send to everyone.");
        }
        recipients.forEach(id -> {
          if (!m.hasMember((String) id)) {
            throw Problem.invalidField("recipientIds", "not_member", "Every recipient must be a member of this community.");
          }
        });
      }
      Prompt prompt = new Prompt(Ids.newId(), m.communityId(), m.currentCycle(), body.getString("text").trim(),
          sendAt, at, recipients == null ? null : IdLists.strings(recipients), m.userId(),
          m.caller().displayName(), now, List.of(), null);
      List<Step> steps = new ArrayList<>(PromptStore.scheduled(prompt));
      steps.add(PromptJobs.first(prompt, Repeat.completed(body.getJsonObject("repeat"), sendAt, at)));
      return activity.entry(m.communityId(), "prompt.scheduled", m.userId(), m.caller().displayName(),
              new JsonObject().put("promptId", prompt.id()).put("sendAt", Times.format(sendAt)))
          .compose(entry -> {
            steps.add(entry);
            return db.writes().apply(steps);
          })
          .map(done -> view(prompt, m, true));
    });
  }

  /** A page of prompts, newest first, and the offset of the next page when there are older ones. */
  public record Page(JsonArray items, Integer next) {
  }

  /** A page of the community's prompts as the caller may see them. */
  public Future<Page> list(Caller caller, String communityId, int offset, int limit) {
    return access.in(caller, communityId).compose(m -> visiblePrompts(m, offset, limit));
  }

  /** The facilitator sees every prompt and who answered; a member sees the prompts that reached them. */
  private Future<Page> visiblePrompts(Membership m, int offset, int limit) {
    boolean overview = overview(m);
    Instant now = db.clock().instant();
    // One more than asked tells whether an older page exists without counting the list.
    return store.newestFirst(m.communityId(), offset, limit + 1).map(found -> {
      JsonArray out = new JsonArray();
      found.stream().limit(limit)
          .filter(p -> overview || delivered(p, m.userId(), now))
          .forEach(p -> out.add(view(p, m, overview)));
      return new Page(out, found.size() > limit ? offset + limit : null);
    });
  }

  private static boolean overview(Membership m) {
    return m.is(Role.FACILITATOR) || (m.companyAdmin() && !m.isMember());
  }

  /** The recent prompts that reached me in all my communities, with whether I answered. */
  public Future<JsonArray> mine(Caller caller) {
    return communities.byIds(caller.communityIds()).compose(list -> {
      List<Future<JsonArray>> perCommunity = list.stream()
          .map(c -> access.in(caller, c.id()).compose(m -> visiblePrompts(m, 0, RECENT).map(page -> {
            JsonArray delivered = new JsonArray();
            page.items().forEach(p -> {
              JsonObject prompt = (JsonObject) p;
              if (prompt.getBoolean("forMe") && prompt.getBoolean("sent")) {
                delivered.add(prompt.put("communityTitle", c.title()));
              }
            });
            return delivered;
          }))).toList();
      return Future.all(perCommunity).map(done -> {
        JsonArray out = new JsonArray();
        perCommunity.forEach(f -> out.addAll(f.result()));
        return out;
      });
    });
  }

  /**
   * One prompt as the caller may see it. A recipient also gets their own answer; the facilitator gets who
   * answered, and the texts of the answers that their writers shared with the community.
   */
  public Future<JsonObject> get(Caller caller, String promptId) {
    return found(caller, promptId).compose(found -> {
      Prompt prompt = found.prompt();
      Membership m = found.membership();
      boolean overview = overview(m);
      if (!overview && !delivered(prompt, m.userId(), db.clock().instant())) {
        throw Problem.notFound("prompt");
      }
      JsonObject view = view(prompt, m, overview);
      List<String> noteIds = prompt.answers().stream()
          .filter(a -> m.isMember() && (overview || m.userId().equals(a.userId())))
          .map(Prompt.Answer::noteId).toList();
      return db.lists().byIds(NoteStore.NOTES, noteIds).map(answers -> {
        JsonArray shown = new JsonArray();
        answers.stream().filter(n -> NoteStore.visibleTo(n, m.userId())).forEach(n -> shown.add(new JsonObject()
            .put("noteId", n.getString("_id")).put("userId", n.getString("authorId"))
            .put("displayName", n.getString("authorName")).put("text", n.getString("text"))
            .put("visibility", n.getString("visibility"))));
        return view.put("answers", shown).put("communityTitle", m.community().title());
      });
    });
  }

  /**
   * A member's answer, once: a second answer gets 409, and a repeat with the same {@code clientToken} (a
   * double tap) gets the first answer's note.
   */
  public Future<JsonObject> answer(Caller caller, String promptId, JsonObject body, String clientToken) {
    return found(caller, promptId).compose(found -> {
      Prompt prompt = found.prompt();
      Membership m = found.membership().requireMember();
      if (!delivered(prompt, m.userId(), db.clock().instant())) {
        throw Problem.notFound("prompt");
      }
      String clientKey = ClientKeys.of(m.userId(), clientToken);
      Problem already = Problem.conflict("already_answered", "You already answered this prompt; edit your note instead.");
      if (prompt.answeredBy(m.userId())) {
        return notes.byClientKey(clientKey).map(first -> {
          if (first == null) {
            throw already;
          }
          return NoteStore.view(first);
        });
      }
      // An answer is personal unless its writer chooses to share it.
      JsonObject note = new JsonObject()
          .put("kind", "reflection")
          .put("text", body.getString("text"))
          .put("visibility", body.getString("visibility", "private"))
          .put("questionIds", body.getJsonArray("questionIds"));
      Instant now = db.clock().instant();
      return notes.write(m, note, promptId, clientKey,
              noteId -> List.of(PromptStore.answered(promptId, new Prompt.Answer(m.userId(), noteId, now))))
          .recover(Lost.as(already))
          .map(written -> NoteStore.view(written.note()));
    });
  }

  /** For the facilitator's overview: how many prompts each member answered since a moment. */
  public record Uptake(Map<String, Integer> answersByMember, JsonArray planned) {
  }

  /** Answers counted over the recent prompts, and those prompts still waiting for their time, soonest first. */
  public Future<Uptake> uptake(Membership m, String since) {
    m.requireRole(Role.FACILITATOR);
    Instant now = db.clock().instant();
    Instant from = since == null ? Instant.MIN : Instant.parse(since);
    return store.newestFirst(m.communityId(), 0, RECENT).map(recent -> {
      Map<String, Integer> answers = new HashMap<>();
      recent.forEach(p -> p.answers().stream().filter(a -> !a.at().isBefore(from))
          .forEach(a -> answers.merge(a.userId(), 1, Integer::sum)));
      JsonArray planned = new JsonArray();
      recent.stream().filter(p -> !p.sentBy(now))
          .sorted(Comparator.comparing(Prompt::sendAt))
          .forEach(p -> planned.add(view(p, m, true)));
      return new Uptake(answers, planned);
    });
  }

  private record Found(Prompt prompt, Membership membership) {
  }

  private Future<Found> found(Caller caller, String promptId) {
    return store.byId(promptId).compose(prompt -> access.inCommunityOf(caller,
        prompt == null ? null : prompt.communityId(), "prompt").map(m -> new Found(prompt, m)));
  }

  private static boolean delivered(Prompt prompt, String userId, Instant now) {
    return prompt.isFor(userId) && prompt.sentBy(now);
  }

  private JsonObject view(Prompt prompt, Membership m, boolean overview) {
    JsonObject out = new JsonObject()
        .put("id", prompt.id())
        .put("communityId", prompt.communityId())
        .put("text", prompt.text())
        .put("sendAt", Times.format(prompt.sendAt()))
        .put("sent", prompt.sentBy(db.clock().instant()))
        .put("from", prompt.createdByName())
        .put("forMe", m.isMember() && prompt.isFor(m.userId()))
        .put("answeredByMe", prompt.answeredBy(m.userId()));
    if (overview) {
      // Who answered, not what: the answers themselves keep the visibility their writers chose.
      JsonArray answeredBy = new JsonArray();
      prompt.answers().forEach(a -> answeredBy.add(new JsonObject().put("userId", a.userId())
          .put("displayName", m.memberName(a.userId()))));
      List<String> recipients = prompt.recipientIds();
      JsonArray recipientNames = new JsonArray();
      if (recipients != null) {
        recipients.forEach(id -> recipientNames.add(m.memberName(id)));
      }
      out.put("recipientIds", recipients == null ? null : new JsonArray(recipients))
          .put("recipientNames", recipientNames).put("answeredBy", answeredBy);
    }
    return out;
  }
}
