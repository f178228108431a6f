package nl.leerkring.fieldnote;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Api;

/** Field notes as JSON: the request's parts go to {@link NoteService}, its answer back as JSON. */
public final class NoteRoutes {

  private final NoteService notes;

  public NoteRoutes(NoteService notes) {
    this.notes = notes;
  }

  public void mount(RouterBuilder api) {
    api.getRoute("listNotes").addHandler(Api.ok(ctx -> notes.list(Caller.required(ctx), Api.path(ctx, "communityId"),
        Api.queryInt(ctx, "offset", 0), Api.queryInt(ctx, "limit", 20))));
    api.getRoute("writeNote").addHandler(Api.created(ctx -> notes.write(Caller.required(ctx),
        Api.path(ctx, "communityId"), Api.body(ctx), ctx.request().getHeader(Api.IDEMPOTENCY_KEY))));
    api.getRoute("getNote").addHandler(Api.ok(ctx -> notes.get(Caller.required(ctx), Api.path(ctx, "noteId"))));
    api.getRoute("editNote").addHandler(Api.ok(ctx -> notes.edit(Caller.required(ctx), Api.path(ctx, "noteId"),
        Api.body(ctx))));
    api.getRoute("getJournal").addHandler(Api.ok(ctx -> notes.journal(Caller.required(ctx),
        Api.query(ctx, "communityId"))));
    api.getRoute("getNotePhoto").addHandler(ctx -> photo(ctx, false));
    api.getRoute("getNotePhotoThumbnail").addHandler(ctx -> photo(ctx, true));
    api.getRoute("putNotePhoto").addHandler(Api.ok(ctx -> notes.putPhoto(Caller.required(ctx),
        Api.path(ctx, "noteId"), ctx.body().buffer())));
  }

  private void photo(RoutingContext ctx, boolean thumbnail) {
    notes.photo(Caller.required(ctx), Api.path(ctx, "noteId"), thumbnail).onFailure(ctx::fail)
        .onSuccess(photo -> PhotoStorage.send(ctx, photo));
  }
}
