package nl.leerkring.fieldnote;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.community.CommunityService;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.QuestionService;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;
import nl.leerkring.web.Saved;

import java.util.List;
import java.util.Map;

/** Writing a field note on a phone, reading and editing it, and my journal. */
public final class NotePages {

  private final Pages pages;
  private final Forms forms;
  private final NoteService notes;
  private final QuestionService questions;
  private final CommunityService communities;

  public NotePages(Pages pages, Forms forms, NoteService notes, QuestionService questions,
                   CommunityService communities) {
    this.pages = pages;
    this.forms = forms;
    this.notes = notes;
    this.questions = questions;
    this.communities = communities;
  }

  public void mount(Router router) {
    router.get("/c/:communityId/notes/new").handler(pages.show(this::newForm));
    router.post("/c/:communityId/notes").handler(pages.form(this::write, this::newForm));
    router.get("/notes/:noteId").handler(pages.show(this::note));
    router.get("/notes/:noteId/photo").handler(ctx -> photo(ctx, false));
    router.get("/notes/:noteId/photo/thumbnail").handler(ctx -> photo(ctx, true));
    router.get("/notes/:noteId/edit").handler(pages.show(this::editForm));
    router.post("/notes/:noteId/edit").handler(pages.form(this::edit, this::editForm));
    router.get("/journal").handler(pages.show(this::journal));
  }

  private Future<Page> newForm(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    return communities.get(caller, communityId).compose(m -> {
      m.requireMember();
      boolean again = isPost(ctx);
      List<String> ticked = again ? List.copyOf(Forms.all(ctx, "questionIds").getList())
          : ctx.queryParam("question");
      JsonObject form = again ? typed(ctx).put(Forms.CLIENT_TOKEN, Forms.text(ctx, Forms.CLIENT_TOKEN))
          : new JsonObject().put("visibility", "community").put(Forms.CLIENT_TOKEN, Forms.newClientToken());
      return questions.list(caller, communityId, null).map(all -> Page.of("note-new", new JsonObject()
          .put("communityId", communityId)
          .put("communityTitle", CommunityService.summary(m).getString("title"))
          .put("form", form)
          .put("kinds", kinds(form.getString("kind")))
          .put("questions", choices(all, ticked, List.of()))));
    });
  }

  /** What the person typed and chose, to show the form again as they left it. */
  private static JsonObject typed(RoutingContext ctx) {
    JsonObject form = new JsonObject();
    for (String field : new String[] {"kind", "text", "tried", "happened", "visibility"}) {
      form.put(field, Forms.text(ctx, field));
    }
    return form;
  }

  private static JsonArray kinds(String chosen) {
    JsonArray out = new JsonArray();
    for (NoteKind kind : NoteKind.values()) {
      out.add(new JsonObject().put("value", kind.value()).put("checked", kind.value().equals(chosen)));
    }
    return out;
  }

  /** Open questions to tick, plus any the note already feeds even when they are no longer open. */
  private static JsonArray choices(JsonArray all, List<String> ticked, List<String> linked) {
    JsonArray out = new JsonArray();
    all.stream().map(q -> (JsonObject) q)
        .filter(q -> QuestionStatus.isOpen(q.getString("status")) || linked.contains(q.getString("id")))
        .forEach(q -> out.add(new JsonObject().put("id", q.getString("id")).put("text", q.getString("text"))
            .put("checked", ticked.contains(q.getString("id")))));
    return out;
  }

  private Future<Page> write(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject()
        .put("kind", Forms.text(ctx, "kind"))
        .put("text", Forms.text(ctx, "text"))
        .put("questionIds", Forms.all(ctx, "questionIds"))
        .put("visibility", Forms.text(ctx, "visibility"));
    if ("experiment".equals(body.getString("kind"))) {
      Forms.putOptional(body, ctx, "tried");
      Forms.putOptional(body, ctx, "happened");
    }
    return forms.check("writeNote", Map.of("communityId", communityId), body)
        .compose(valid -> PhotoStorage.uploaded(ctx).compose(photo -> photo == null
            ? notes.write(caller, communityId, valid, Forms.text(ctx, Forms.CLIENT_TOKEN))
            : notes.writeWithPhoto(caller, communityId, valid, photo, Forms.text(ctx, Forms.CLIENT_TOKEN))))
        .recover(PhotoStorage::problemOnItsField)
        .map(note -> Page.redirect(Saved.after("/notes/" + note.getString("id"), "note")));
  }

  private Future<Page> note(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return notes.get(caller, ctx.pathParam("noteId")).compose(note -> notes.linkedQuestions(note).map(linked -> {
      JsonArray questionsOut = new JsonArray();
      linked.forEach(q -> questionsOut.add(q.summary()));
      return Page.of("note", new JsonObject()
          .put("note", note)
          .put("mine", caller.userId().equals(note.getString("authorId")))
          .put("questions", questionsOut));
    }));
  }

  /** The photo for a page's img, either size: the same reading rules as the note itself. */
  private void photo(RoutingContext ctx, boolean thumbnail) {
    Caller caller = Caller.optional(ctx);
    if (caller == null) {
      ctx.fail(Problem.unauthenticated());
      return;
    }
    notes.photo(caller, ctx.pathParam("noteId"), thumbnail).onFailure(ctx::fail)
        .onSuccess(photo -> PhotoStorage.send(ctx, photo));
  }

  private Future<Page> editForm(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return notes.forEditing(caller, ctx.pathParam("noteId")).compose(note -> {
      String communityId = note.getString("communityId");
      List<String> linked = List.copyOf(note.getJsonArray("questionIds").getList());
      boolean again = isPost(ctx);
      JsonObject form = again ? typed(ctx).put("kind", note.getString("kind")) : note;
      List<String> ticked = again ? List.copyOf(Forms.all(ctx, "questionIds").getList()) : linked;
      return questions.list(caller, communityId, null).map(all -> Page.of("note-edit", new JsonObject()
          .put("note", note)
          .put("form", form)
          .put("questions", choices(all, ticked, linked))));
    });
  }

  private Future<Page> edit(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    String noteId = ctx.pathParam("noteId");
    JsonObject body = new JsonObject()
        .put("text", Forms.text(ctx, "text"))
        .put("questionIds", Forms.all(ctx, "questionIds"))
        .put("visibility", Forms.text(ctx, "visibility"));
    Forms.putOptional(body, ctx, "tried");
    Forms.putOptional(body, ctx, "happened");
    // The photo goes first: if it is refused, the note stays as it was.
    return forms.check("editNote", Map.of("noteId", noteId), body)
        .compose(valid -> PhotoStorage.uploaded(ctx).compose(photo -> photo == null ? Future.succeededFuture()
            : notes.putPhoto(caller, noteId, photo)).compose(done -> notes.edit(caller, noteId, valid)))
        .recover(PhotoStorage::problemOnItsField)
        .map(note -> Page.redirect(Saved.after("/notes/" + noteId, "note")));
  }

  private Future<Page> journal(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    return Future.all(notes.journal(caller, null), communities.list(caller)).map(both -> {
      JsonArray mine = both.resultAt(0);
      JsonArray memberOf = new JsonArray();
      ((JsonArray) both.resultAt(1)).stream().map(c -> (JsonObject) c)
          .filter(c -> c.getString("myRole") != null).forEach(memberOf::add);
      return Page.of("journal", new JsonObject().put("notes", mine).put("communities", memberOf));
    });
  }

  private static boolean isPost(RoutingContext ctx) {
    return "POST".equals(ctx.request().method().name());
  }
}
