package nl.leerkring.prompt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.schedule.PromptJobs;
import nl.leerkring.web.Api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Prompts the facilitator sends between sessions. Delivery is in-app: a prompt reaches its recipients once
 * its time has come. An answer is a reflection note in the member's journal, linked to the prompt.
 */
public final class PromptRoutes {

  static final String PROMPTS = "prompts";

  private final Database db;
  private final Access access;
  private final CommunityStore communities;
  private final NoteStore notes;
  private final ActivityLog activity;

  public PromptRoutes(Database db, Access access, CommunityStore communities, NoteStore notes, ActivityLog activity) {
    this.db = db;
    this.access = access;
    this.communities = communities;
    this.notes = notes;
    this.activity = activity;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("schedulePrompt").addHandler(Api.created(this::schedule));
    api.getRoute("listPrompts").addHandler(Api.ok(ctx -> access.in(Caller.required(ctx), Api.path(ctx, "communityId"))
        .compose(this::visiblePrompts)));
    api.getRoute("getMyPrompts").addHandler(Api.ok(this::mine));
    api.getRoute("answerPrompt").addHandler(Api.created(ctx ->
        answer(Caller.required(ctx), Api.path(ctx, "promptId"), Api.body(ctx))));
  }

  static String listKey(String communityId) {
    return IdLists.key(communityId, "prompts");
  }

  private Future<JsonObject> schedule(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId")).compose(m -> {
      m.requireRole(Role.FACILITATOR);
      Instant now = db.clock().instant();
      ZoneId zone = LocalTimes.zone(body.getString("zone"), "zone");
      Instant sendAt = body.getString("sendAt") == null ? now
          : LocalTimes.future(body.getString("sendAt"), zone, now, "sendAt");
      JsonArray recipients = body.getJsonArray("recipientIds");
      if (recipients != null) {
        recipients.forEach(id -> {
          if (!m.hasMember((String) id)) {
            throw Problem.invalidField("recipientIds", "not_member", "Every recipient must be a member of this community.");
          }
        });
      }
      String id = Ids.newId();
      JsonObject prompt = new JsonObject()
          .put("_id", id)
          .put("communityId", m.communityId())
          .put("cycle", m.currentCycle())
          .put("text", body.getString("text").trim())
          .put("sendAt", Times.format(sendAt))
          .put("zone", zone.getId())
          .put("recipientIds", recipients)
          .put("createdBy", m.userId())
          .put("createdByName", m.caller().displayName())
          .put("createdAt", db.now())
          .put("answers", new JsonArray());
      return activity.entry(m.communityId(), "prompt.scheduled", m.userId(), m.caller().displayName(),
              new JsonObject().put("promptId", id).put("sendAt", prompt.getString("sendAt")))
          .compose(entry -> db.writes().apply(
              Step.insert(PROMPTS, prompt),
              IdLists.add(listKey(m.communityId()), id),
              entry,
              PromptJobs.first(prompt, body)))
          .map(done -> view(prompt, m, true));
    });
  }

  /** The facilitator sees every prompt and who answered; a member sees the prompts that reached them. */
  private Future<JsonArray> visiblePrompts(Membership m) {
    boolean overview = m.is(Role.FACILITATOR) || (m.companyAdmin() && !m.isMember());
    String now = db.now();
    return db.lists().newestFirst(listKey(m.communityId()), PROMPTS, 0, Integer.MAX_VALUE).map(all -> {
      JsonArray out = new JsonArray();
      all.stream()
          .filter(p -> overview || isFor(p, m.userId()) && p.getString("sendAt").compareTo(now) <= 0)
          .forEach(p -> out.add(view(p, m, overview)));
      return out;
    });
  }

  private Future<JsonArray> mine(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return communities.byIds(caller.communityIds()).compose(list -> {
      List<Future<JsonArray>> perCommunity = list.stream()
          .map(c -> access.in(caller, c.getString("_id")).compose(m -> {
            JsonArray delivered = new JsonArray();
            return visiblePrompts(m).map(prompts -> {
              prompts.forEach(p -> {
                JsonObject prompt = (JsonObject) p;
                if (prompt.getBoolean("forMe")) {
                  delivered.add(prompt.put("communityTitle", c.getJsonObject("challenge").getString("title")));
                }
              });
              return delivered;
            });
          })).toList();
      return Future.all(perCommunity).map(done -> {
        JsonArray out = new JsonArray();
        perCommunity.forEach(f -> out.addAll(f.result()));
        return out;
      });
    });
  }

  /** A prompt that reached the caller, as they see it. */
  public Future<JsonObject> get(Caller caller, String promptId) {
    return delivered(caller, promptId).map(found -> view(found.prompt(), found.membership(), false));
  }

  private record Delivered(JsonObject prompt, Membership membership) {
  }

  private Future<Delivered> delivered(Caller caller, String promptId) {
    return db.mongo().findOne(PROMPTS, new JsonObject().put("_id", promptId), null)
        .compose(prompt -> access.inCommunityOf(caller, prompt, "prompt").map(m -> {
          m.requireMember();
          if (!isFor(prompt, m.userId()) || prompt.getString("sendAt").compareTo(db.now()) > 0) {
            throw Problem.notFound("prompt");
          }
          return new Delivered(prompt, m);
        }));
  }

  public Future<JsonObject> answer(Caller caller, String promptId, JsonObject body) {
    return delivered(caller, promptId).compose(found -> {
          JsonObject prompt = found.prompt();
          Membership m = found.membership();
          boolean answered = prompt.getJsonArray("answers").stream()
              .anyMatch(a -> m.userId().equals(((JsonObject) a).getString("userId")));
          if (answered) {
            throw Problem.conflict("already_answered", "You already answered this prompt; edit your note instead.");
          }
          // An answer is personal unless its writer chooses to share it.
          JsonObject note = new JsonObject()
              .put("kind", "reflection")
              .put("text", body.getString("text"))
              .put("visibility", body.getString("visibility", "private"))
              .put("questionIds", body.getJsonArray("questionIds"));
          return notes.write(m, note, prompt.getString("_id")).compose(written -> db.mongo().updateCollection(PROMPTS,
                  new JsonObject().put("_id", prompt.getString("_id")),
                  new JsonObject().put("$push", new JsonObject().put("answers", new JsonObject()
                      .put("userId", m.userId()).put("noteId", written.getString("_id")).put("at", db.now()))))
              .map(done -> NoteStore.view(written)));
        });
  }

  private static boolean isFor(JsonObject prompt, String userId) {
    JsonArray recipients = prompt.getJsonArray("recipientIds");
    return recipients == null || recipients.contains(userId);
  }

  private JsonObject view(JsonObject prompt, Membership m, boolean overview) {
    JsonArray answers = prompt.getJsonArray("answers");
    boolean answeredByMe = answers.stream().anyMatch(a -> m.userId().equals(((JsonObject) a).getString("userId")));
    JsonObject out = new JsonObject()
        .put("id", prompt.getString("_id"))
        .put("communityId", prompt.getString("communityId"))
        .put("text", prompt.getString("text"))
        .put("sendAt", prompt.getString("sendAt"))
        .put("sent", prompt.getString("sendAt").compareTo(db.now()) <= 0)
        .put("from", prompt.getString("createdByName"))
        .put("forMe", m.isMember() && isFor(prompt, m.userId()))
        .put("answeredByMe", answeredByMe);
    if (overview) {
      // Who answered, not what: the answers themselves keep the visibility their writers chose.
      JsonArray answeredBy = new JsonArray();
      answers.forEach(a -> {
        String userId = ((JsonObject) a).getString("userId");
        answeredBy.add(new JsonObject().put("userId", userId).put("displayName", m.memberName(userId)));
      });
      out.put("recipientIds", prompt.getJsonArray("recipientIds")).put("answeredBy", answeredBy);
    }
    return out;
  }
}
