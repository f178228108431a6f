package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.account.Authentication;
import nl.leerkring.web.Caller;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.I18n;
import nl.leerkring.web.Language;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joining by link, in the browser: someone opens the invitation on their phone, picks a name, username and
 * password (no e-mail address needed) and is taken into the community, logged in.
 */
public final class JoinPages {

  /** Links that cannot be used (any more) get a page that says why, instead of a form. */
  private static final Set<String> UNUSABLE = Set.of("invitation_used", "invitation_expired", "invitation_withdrawn", "not_found");

  private final Pages pages;
  private final Forms forms;
  private final InvitationService invitations;
  private final Authentication authentication;

  public JoinPages(Pages pages, Forms forms, InvitationService invitations, Authentication authentication) {
    this.pages = pages;
    this.forms = forms;
    this.invitations = invitations;
    this.authentication = authentication;
  }

  public void mount(Router router) {
    router.get("/join/:token").handler(pages.open(this::form));
    router.post("/join/:token").handler(pages.form(this::join, this::form));
  }

  private Future<Page> form(RoutingContext ctx) {
    return invitations.preview(ctx.pathParam("token"))
        .map(invitation -> Page.of("join", new JsonObject()
            .put("invitation", invitation)
            .put("token", ctx.pathParam("token"))
            .put("displayName", "POST".equals(ctx.request().method().name())
                ? Forms.text(ctx, "displayName") : invitation.getString("name", ""))
            .put("language", chosenLanguage(ctx))))
        .recover(failure -> failure instanceof Problem p && UNUSABLE.contains(p.code())
            ? Future.succeededFuture(Page.of("join-unusable", new JsonObject()
                .put("reason", p.code())
                .put("_status", p.status())))
            : Future.failedFuture(failure));
  }

  private Future<Page> join(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    Caller caller = Caller.optional(ctx);
    if (caller != null) {
      return invitations.accept(caller, token, new JsonObject()).map(JoinPages::arrived);
    }
    String password = ctx.request().getFormAttribute("password");
    JsonObject body = new JsonObject()
        .put("displayName", Forms.text(ctx, "displayName"))
        .put("username", Forms.text(ctx, "username"))
        .put("password", password == null ? "" : password)
        .put("language", Forms.text(ctx, "language"));
    return forms.check("acceptInvitation", Map.of("token", token), body)
        .recover(failure -> failure instanceof Problem refused && refused.field() != null
            ? invitations.accountProblems(body).compose(more -> Future.failedFuture(together(refused, more)))
            : Future.failedFuture(failure))
        .compose(valid -> invitations.accept(null, token, valid))
        .compose(joined -> authentication.logIn(ctx, joined.account()).map(csrf -> arrived(joined)));
  }

  /** Every mistake at once: the form's, and a taken username or a weak password on fields the form let pass. */
  private static Problem together(Problem refused, List<Problem> more) {
    List<Problem> all = new ArrayList<>(refused.fieldProblems());
    Set<String> named = all.stream().map(Problem::field).collect(Collectors.toSet());
    more.stream().filter(p -> !named.contains(p.field())).forEach(all::add);
    return Problem.invalidFields(all);
  }

  /** The language picked on the form, once sent; before that the one the page is shown in. */
  private static String chosenLanguage(RoutingContext ctx) {
    String picked = Forms.text(ctx, "language");
    return I18n.supports(picked) ? picked : Language.of(ctx);
  }

  /** A company admin arrives at their company's overview, a manager at their people, anyone else in the community. */
  private static Page arrived(InvitationService.Joined joined) {
    return Page.redirect(joined.communityId() != null ? "/c/" + joined.communityId()
        : joined.manager() ? "/manager" : "/admin");
  }
}
