package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.account.Caller;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Step;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.web.Api;

import java.util.ArrayList;
import java.util.List;

/** Writing, reading and editing field notes, their photos, and a person's own journal. */
public final class NoteRoutes {

  private static final String PHOTOS = "photos";

  private final Vertx vertx;
  private final Database db;
  private final Access access;
  private final NoteStore notes;
  private final QuestionStore questions;
  private final long maxPhotoBytes;

  public NoteRoutes(Vertx vertx, Database db, Access access, NoteStore notes, QuestionStore questions,
                    long maxPhotoBytes) {
    this.vertx = vertx;
    this.db = db;
    this.access = access;
    this.notes = notes;
    this.questions = questions;
    this.maxPhotoBytes = maxPhotoBytes;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listNotes").addHandler(Api.ok(this::list));
    api.getRoute("writeNote").addHandler(Api.created(ctx -> member(ctx)
        .compose(m -> notes.write(m.requireMember(), Api.body(ctx), null)).map(NoteStore::view)));
    api.getRoute("getNote").addHandler(Api.ok(ctx -> readable(ctx).map(found -> NoteStore.view(found.note()))));
    api.getRoute("editNote").addHandler(Api.ok(this::edit));
    api.getRoute("getJournal").addHandler(Api.ok(this::journal));
    api.getRoute("getNotePhoto").addHandler(this::photo);
    api.getRoute("putNotePhoto").addHandler(Api.ok(this::putPhoto));
  }

  private Future<Membership> member(RoutingContext ctx) {
    return access.in(Caller.required(ctx), Api.path(ctx, "communityId"));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    int offset = Api.queryInt(ctx, "offset", 0);
    int limit = Api.queryInt(ctx, "limit", 20);
    return member(ctx).compose(m -> {
      m.requireMember();
      return db.lists().newestFirst(NoteStore.communityList(m.communityId()), NoteStore.NOTES, offset, limit)
          .map(page -> {
            JsonArray items = new JsonArray();
            page.stream().filter(n -> NoteStore.visibleTo(n, m.userId())).forEach(n -> items.add(NoteStore.view(n)));
            return new JsonObject().put("items", items)
                .put("next", page.size() == limit ? offset + limit : null);
          });
    });
  }

  private record Found(JsonObject note, Membership membership) {
  }

  /** A private note does not exist for anyone but its author; company admins read no notes at all. */
  private Future<Found> readable(RoutingContext ctx) {
    return notes.byId(Api.path(ctx, "noteId")).compose(note -> {
      Caller caller = Caller.required(ctx);
      if (note != null && !NoteStore.visibleTo(note, caller.userId())) {
        return Future.failedFuture(Problem.notFound("field note"));
      }
      return access.inCommunityOf(caller, note, "field note").map(m -> {
        if (!m.isMember() && !m.userId().equals(note.getString("authorId"))) {
          throw Problem.forbidden("Field notes are for the community's members.");
        }
        return new Found(note, m);
      });
    });
  }

  private Future<Found> ownNote(RoutingContext ctx) {
    return readable(ctx).map(found -> {
      if (!found.membership().userId().equals(found.note().getString("authorId"))) {
        throw Problem.forbidden("Only the author can change a field note.");
      }
      return found;
    });
  }

  private Future<JsonObject> edit(RoutingContext ctx) {
    JsonObject body = Api.body(ctx);
    return ownNote(ctx).compose(found -> {
      JsonObject note = found.note();
      Membership m = found.membership();
      Future<List<String>> linked = body.containsKey("questionIds")
          ? questions.requireInCommunity(m.communityId(), body.getJsonArray("questionIds"), "questionIds")
          : Future.succeededFuture(IdLists.strings(note.getJsonArray("questionIds")));
      return linked.compose(questionIds -> {
        String noteId = note.getString("_id");
        JsonObject set = new JsonObject().put("updatedAt", db.now()).put("questionIds", new JsonArray(questionIds));
        for (String field : new String[] {"text", "tried", "happened", "visibility"}) {
          NoteStore.putIfPresent(set, body, field);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.update(NoteStore.NOTES, noteId, new JsonObject().put("$set", set)
            .put("$push", new JsonObject().put("edits", new JsonObject().put("by", m.userId()).put("at", db.now())))));
        List<String> before = IdLists.strings(note.getJsonArray("questionIds"));
        questionIds.stream().filter(q -> !before.contains(q))
            .forEach(q -> steps.add(QuestionStore.link(q, "noteIds", noteId)));
        before.stream().filter(q -> !questionIds.contains(q))
            .forEach(q -> steps.add(QuestionStore.unlink(q, "noteIds", noteId)));
        return db.writes().apply(steps).compose(done -> notes.byId(noteId)).map(NoteStore::view);
      });
    });
  }

  private Future<JsonArray> journal(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = Api.query(ctx, "communityId");
    return db.lists().newestFirst(NoteStore.journal(caller.userId()), NoteStore.NOTES, 0, Integer.MAX_VALUE)
        .map(all -> {
          JsonArray out = new JsonArray();
          all.stream()
              .filter(n -> communityId == null || communityId.equals(n.getString("communityId")))
              .forEach(n -> out.add(NoteStore.view(n)));
          return out;
        });
  }

  private Future<JsonObject> putPhoto(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return Future.failedFuture(Problem.badRequest("empty_photo", "The photo is empty."));
    }
    if (body.length() > maxPhotoBytes) {
      return Future.failedFuture(Problem.status(413, "photo_too_large",
          "The photo is larger than " + (maxPhotoBytes / (1024 * 1024)) + " MB."));
    }
    return ownNote(ctx).compose(found -> vertx.executeBlocking(() -> {
      try {
        return Photos.withoutLocation(body.getBytes());
      } catch (Photos.NotAnImage e) {
        throw Problem.status(415, "not_an_image", e.getMessage());
      }
    }, false).compose(clean -> {
      String contentType = clean.contentType();
      String noteId = found.note().getString("_id");
      String photoId = Ids.newId();
      JsonObject photo = new JsonObject().put("_id", photoId).put("noteId", noteId)
          .put("contentType", contentType).put("data", new JsonObject().put("$binary", clean.bytes()));
      JsonObject previous = found.note().getJsonObject("photo");
      // The new photo is stored before the note points to it; the old one goes only after.
      return db.mongo().insert(PHOTOS, photo)
          .compose(id -> db.mongo().updateCollection(NoteStore.NOTES, new JsonObject().put("_id", noteId),
              new JsonObject().put("$set", new JsonObject().put("photo", new JsonObject()
                  .put("id", photoId).put("contentType", contentType).put("size", clean.bytes().length)))))
          .compose(done -> previous == null ? Future.succeededFuture()
              : db.mongo().removeDocument(PHOTOS, new JsonObject().put("_id", previous.getString("id"))))
          .compose(done -> notes.byId(noteId))
          .map(NoteStore::view);
    }));
  }

  private void photo(RoutingContext ctx) {
    readable(ctx).compose(found -> {
      JsonObject photo = found.note().getJsonObject("photo");
      if (photo == null) {
        throw Problem.notFound("photo");
      }
      return db.mongo().findOne(PHOTOS, new JsonObject().put("_id", photo.getString("id")), null);
    }).onFailure(ctx::fail).onSuccess(photo -> {
      if (photo == null) {
        ctx.fail(Problem.notFound("photo"));
        return;
      }
      ctx.response()
          .putHeader("Content-Type", photo.getString("contentType"))
          .putHeader("Cache-Control", "private, max-age=3600")
          .end(Buffer.buffer(photo.getJsonObject("data").getBinary("$binary")));
    });
  }
}
