package nl.leerkring.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.web.Caller;
import nl.leerkring.snack.Snack;
import nl.leerkring.snack.SnackService;
import nl.leerkring.account.ApiTokenStore;
import nl.leerkring.account.Managers;
import nl.leerkring.account.UserStore;
import nl.leerkring.portfolio.ShareStore;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Writes;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Times;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything Leerkring keeps about one person, as a zip of JSON files and their photos (GDPR art. 15 and
 * 20). Only their own: of what others wrote nothing is included, and other people appear by id only where
 * the person's own record refers to them (the questions a note answers).
 */
public final class DataExport {

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final UserStore users;
  private final CommunityStore communities;
  private final AuditTrail audit;
  private final ApiTokenStore tokens;
  private final ShareStore shares;
  private final SnackService snacks;

  public DataExport(Vertx vertx, Database db, UserStore users, CommunityStore communities, AuditTrail audit,
                    SnackService snacks) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.users = users;
    this.communities = communities;
    this.audit = audit;
    this.tokens = new ApiTokenStore(db);
    this.shares = new ShareStore(db);
    this.snacks = snacks;
  }

  public Future<Buffer> zip(Caller caller) {
    Map<String, JsonObject> files = new LinkedHashMap<>();
    Map<String, byte[]> photos = new LinkedHashMap<>();
    String userId = caller.userId();
    return users.byId(userId).compose(user -> {
      files.put("account.json", account(user));
      List<String> communityIds = IdLists.strings(user.getJsonArray("communityIds", new JsonArray()));
      return memberships(userId, communityIds).compose(memberships -> {
        files.put("memberships.json", new JsonObject().put("memberships", memberships));
        return notes(userId, photos);
      }).compose(notes -> {
        files.put("notes.json", new JsonObject().put("notes", notes));
        return written(userId, communityIds);
      }).compose(written -> {
        files.put("written.json", written);
        return settings(userId);
      });
    }).compose(settings -> {
      files.put("settings.json", settings);
      // The API tokens this person made, as their settings page shows them: never a secret or its hash.
      return tokens.of(userId);
    }).compose(made -> {
      files.put("tokens.json", new JsonObject().put("tokens", new JsonArray(made.stream()
          .map(token -> token.view(db.now(), 0)).toList())));
      return portfolioSharing(userId);
    }).compose(sharing -> {
      files.put("portfolio-sharing.json", sharing);
      return snacks(userId, photos);
    }).compose(mySnacks -> {
      files.put("snacks.json", new JsonObject().put("snacks", mySnacks));
      return audit.record(caller.organisationId(), userId, "data.exported", userId, new JsonObject());
    }).compose(x -> vertx.executeBlocking(() -> pack(files, photos), false));
  }

  /**
   * What the person shares with their manager (the keys of their portfolio items), who that manager is, and
   * for a manager the people they manage: the choices, not the items themselves, which are in the other files.
   */
  private Future<JsonObject> portfolioSharing(String userId) {
    return users.byId(userId).compose(user -> shares.of(userId).map(chosen -> new JsonObject()
        .put("managerId", Managers.managerOf(user))
        .put("sharedWithManager", chosen.view())
        .put("companyRole", Managers.roleOf(user).value())
        .put("people", new JsonArray(Managers.peopleOf(user)))));
  }

  private static JsonObject account(JsonObject user) {
    return new JsonObject()
        .put("id", user.getString("_id"))
        .put("login", user.getString("login"))
        .put("displayName", user.getString("displayName"))
        .put("language", user.getString("language"))
        .put("organisationId", user.getString("organisationId"))
        .put("adminOf", user.getJsonArray("adminOf"))
        .put("createdAt", user.getString("createdAt"));
  }

  private Future<JsonArray> memberships(String userId, List<String> communityIds) {
    return communities.byIds(communityIds).map(found -> {
      JsonArray out = new JsonArray();
      for (Community c : found) {
        Community.Member m = c.member(userId);
        if (m != null) {
          out.add(new JsonObject().put("communityId", c.id()).put("title", c.title()).put("role", m.role().value())
              .put("joinedAt", m.joinedAt() == null ? null : Times.format(m.joinedAt())));
        }
      }
      return out;
    });
  }

  /** The learning snacks they shared (#12.4), each photo as a file beside them. */
  private Future<JsonArray> snacks(String userId, Map<String, byte[]> photos) {
    return snacks.ofAuthor(userId).compose(mine -> {
      JsonArray out = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (Snack snack : mine) {
        JsonObject view = snack.view();
        out.add(view);
        chain = chain.compose(x -> snacks.photoOf(snack).map(photo -> {
          if (photo != null) {
            String file = "photos/snack-" + snack.id() + ("image/png".equals(photo.contentType()) ? ".png" : ".jpg");
            photos.put(file, photo.bytes().getBytes());
            view.getJsonObject("photo").put("file", file).remove("url");
          }
          return photo;
        }).mapEmpty());
      }
      return chain.map(out);
    });
  }

  /** Every note they wrote, private ones and prompt answers included, with the photo as a file beside it. */
  private Future<JsonArray> notes(String userId, Map<String, byte[]> photos) {
    return db.lists().all(IdLists.key(userId, "journal"), "notes").compose(notes -> {
      List<String> photoIds = new ArrayList<>();
      notes.forEach(n -> {
        if (n.getJsonObject("photo") != null) {
          photoIds.add(n.getJsonObject("photo").getString("id"));
        }
      });
      return db.lists().byIds("photos", photoIds).map(found -> {
        JsonArray out = new JsonArray();
        for (JsonObject note : notes) {
          JsonObject copy = note.copy();
          copy.put("id", copy.remove("_id"));
          copy.remove(Writes.MARKS);
          copy.remove(ClientKeys.FIELD);
          JsonObject photo = copy.getJsonObject("photo");
          if (photo != null) {
            found.stream().filter(p -> p.getString("_id").equals(photo.getString("id"))).findFirst().ifPresent(p -> {
              String file = "photos/" + note.getString("_id") + ("image/png".equals(p.getString("contentType")) ? ".png" : ".jpg");
              photos.put(file, p.getJsonObject("data").getBinary("$binary"));
              photo.put("file", file);
            });
          }
          out.add(copy);
        }
        return out;
      });
    });
  }

  /** Questions they raised, contributions and prompts they wrote, agreements they own, sessions they attended. */
  private Future<JsonObject> written(String userId, List<String> communityIds) {
    JsonObject out = new JsonObject().put("questions", new JsonArray()).put("contributions", new JsonArray())
        .put("prompts", new JsonArray()).put("agreements", new JsonArray()).put("attended", new JsonArray());
    Future<Void> chain = Future.succeededFuture();
    for (String communityId : communityIds) {
      chain = chain
          .compose(x -> db.lists().all(IdLists.key(communityId, "questions"), "questions")).map(list -> {
            list.stream().filter(q -> userId.equals(q.getString("raisedBy"))).forEach(q -> out.getJsonArray("questions")
                .add(new JsonObject().put("id", q.getString("_id")).put("communityId", communityId)
                    .put("text", q.getString("text")).put("createdAt", q.getString("createdAt"))));
            list.stream().filter(q -> q.getJsonArray("votes", new JsonArray()).contains(userId))
                .forEach(q -> out.getJsonArray("questions").add(new JsonObject().put("id", q.getString("_id"))
                    .put("votedFor", true)));
            return null;
          })
          .compose(x -> db.lists().all(IdLists.key(communityId, "contributions"), "contributions")).map(list -> {
            list.stream().filter(c -> userId.equals(c.getString("authorId")))
                .forEach(c -> out.getJsonArray("contributions").add(own(c)));
            return null;
          })
          .compose(x -> db.lists().all(IdLists.key(communityId, "prompts"), "prompts")).map(list -> {
            list.stream().filter(p -> userId.equals(p.getString("createdBy"))).forEach(p -> out.getJsonArray("prompts")
                .add(new JsonObject().put("id", p.getString("_id")).put("communityId", communityId)
                    .put("text", p.getString("text")).put("createdAt", p.getString("createdAt"))));
            return null;
          })
          .compose(x -> db.lists().all(IdLists.key(communityId, "sessions"), "sessions")).map(list -> {
            for (JsonObject s : list) {
              if (s.getJsonArray("attendance", new JsonArray()).contains(userId)) {
                out.getJsonArray("attended").add(new JsonObject().put("sessionId", s.getString("_id"))
                    .put("startsAt", s.getString("startsAt")));
              }
              s.getJsonArray("agreements", new JsonArray()).stream().map(a -> (JsonObject) a)
                  .filter(a -> userId.equals(a.getString("ownerId")))
                  .forEach(a -> out.getJsonArray("agreements").add(new JsonObject().put("sessionId", s.getString("_id"))
                      .put("what", a.getString("what")).put("done", a.getValue("done"))));
            }
            return null;
          })
          .mapEmpty();
    }
    return chain.map(out);
  }

  private static JsonObject own(JsonObject contribution) {
    JsonObject copy = contribution.copy();
    copy.put("id", copy.remove("_id"));
    copy.remove(Writes.MARKS);
    return copy;
  }

  private Future<JsonObject> settings(String userId) {
    JsonObject out = new JsonObject();
    return mongo.findOne("mailPreferences", new JsonObject().put("_id", userId), null).compose(prefs -> {
      if (prefs != null) {
        prefs.remove("_id");
        out.put("mail", prefs);
      }
      return mongo.findOne("calendarFeeds", new JsonObject().put("_id", "user/" + userId), null);
    }).compose(feed -> {
      // The link's secret is not kept, only its hash; that a link exists, and since when, is what is known.
      out.put("calendarLink", feed == null ? null : new JsonObject().put("createdAt", feed.getString("createdAt")));
      return mongo.findOne("inboxes", new JsonObject().put("_id", userId), null);
    }).map(inbox -> {
      // A notification's details may name the colleague who caused it; what reached the person is kept.
      JsonArray notifications = new JsonArray();
      if (inbox != null) {
        inbox.getJsonArray("items", new JsonArray()).stream().map(i -> (JsonObject) i).forEach(i -> notifications.add(
            new JsonObject().put("kind", i.getString("kind")).put("at", i.getString("at"))
                .put("link", i.getString("link")).put("read", i.getBoolean("read"))));
      }
      return out.put("notifications", notifications);
    });
  }

  private static Buffer pack(Map<String, JsonObject> files, Map<String, byte[]> photos) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, JsonObject> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().encodePrettily().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      for (Map.Entry<String, byte[]> photo : photos.entrySet()) {
        zip.putNextEntry(new ZipEntry(photo.getKey()));
        zip.write(photo.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(bytes.toByteArray());
  }
}
