package nl.leerkring.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.account.UserStore;
import nl.leerkring.platform.Problem;
import nl.leerkring.web.Forms;
import nl.leerkring.web.QrCode;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The company admin's pages: the company's communities, starting one, and its members; the members page is
 * also the facilitator's, who invites people and manages roles just as an admin may.
 */
public final class AdminPages {

  private final Pages pages;
  private final Forms forms;
  private final CommunityService communities;
  private final InvitationService invitations;
  private final UserStore users;

  public AdminPages(Pages pages, Forms forms, CommunityService communities, InvitationService invitations,
                    UserStore users) {
    this.users = users;
    this.pages = pages;
    this.forms = forms;
    this.communities = communities;
    this.invitations = invitations;
  }

  public void mount(Router router) {
    router.get("/admin").handler(pages.show(this::overview));
    router.get("/admin/communities/new").handler(pages.show(this::newCommunity));
    router.post("/admin/communities").handler(pages.form(this::create, this::newCommunity));
    router.get("/c/:communityId/members").handler(pages.show(this::members));
    router.post("/c/:communityId/members/:userId/role").handler(pages.form(this::changeRole, this::members));
    router.get("/c/:communityId/members/:userId/remove").handler(pages.show(this::confirmRemove));
    router.post("/c/:communityId/members/:userId/remove").handler(pages.form(this::remove, this::members));
    router.post("/c/:communityId/invitations").handler(pages.form(this::invite, this::members));
    router.post("/c/:communityId/invitations/:invitationId/withdraw").handler(pages.form(this::withdraw, this::members));
  }

  private Future<Page> overview(RoutingContext ctx) {
    return organisations(Caller.required(ctx)).map(orgs -> Page.of("admin", new JsonObject().put("organisations", orgs)));
  }

  /** The companies the caller administers, with their communities; anyone else may not be here. */
  private Future<JsonArray> organisations(Caller caller) {
    if (caller.adminOf().isEmpty()) {
      return Future.failedFuture(Problem.forbidden("Only a company admin can see this."));
    }
    List<Future<JsonObject>> orgs = caller.adminOf().stream().map(id -> communities.organisation(caller, id)).toList();
    return Future.all(orgs).map(done -> new JsonArray(orgs.stream().map(Future::result).toList()));
  }

  private Future<Page> newCommunity(RoutingContext ctx) {
    return organisations(Caller.required(ctx)).map(orgs -> Page.of("community-new", new JsonObject()
        .put("organisations", orgs)
        .put("chooseOrganisation", orgs.size() > 1)));
  }

  private Future<Page> create(RoutingContext ctx) {
    Caller caller = Caller.required(ctx);
    JsonObject challenge = new JsonObject()
        .put("title", Forms.text(ctx, "title"))
        .put("description", Forms.text(ctx, "description"));
    Forms.putOptional(challenge, ctx, "whyItMatters");
    Forms.putOptional(challenge, ctx, "desiredOutcome");
    JsonObject body = new JsonObject().put("organisationId", Forms.text(ctx, "organisationId")).put("challenge", challenge);
    Forms.putOptional(body, ctx, "firstCycleGoal");
    // The contract reports a nested object's error on the object as a whole; the challenge on its own, by the
    // operation whose body is exactly a challenge, names the field. No community exists yet: any valid id will do.
    return forms.check("updateChallenge", Map.of("communityId", "new-community"), challenge)
        .compose(checked -> forms.check("createCommunity", Map.of(), body))
        .compose(valid -> communities.create(caller, valid))
        .map(created -> Page.redirect("/c/" + created.getString("id") + "/members?started=1"));
  }

  private Future<Page> members(RoutingContext ctx) {
    return managed(ctx).compose(m -> Future.all(invitations.open(m.caller(), m.communityId()), erasable(m))
        .map(both -> Page.of("members", new JsonObject()
        .put("community", both.<JsonObject>resultAt(1))
        .put("invitations", new JsonArray(both.<List<JsonObject>>resultAt(0)))
        .put("roles", roles())
        .put("done", ctx.request().getParam("done"))
        .put("started", ctx.request().getParam("started") != null))));
  }

  /** The community, each member marked {@code erasable} when the caller administers that person's company. */
  private Future<JsonObject> erasable(Membership m) {
    JsonObject view = CommunityService.view(m);
    if (m.caller().adminOf().isEmpty()) {
      return Future.succeededFuture(view);
    }
    List<JsonObject> members = view.getJsonArray("members").stream().map(o -> (JsonObject) o).toList();
    return users.byIds(members.stream().map(mm -> mm.getString("userId")).toList()).map(found -> {
      Set<String> ours = found.stream().filter(u -> m.caller().administers(u.getString("organisationId")))
          .map(u -> u.getString("_id")).collect(Collectors.toSet());
      members.forEach(mm -> mm.put("erasable", ours.contains(mm.getString("userId"))));
      return view;
    });
  }

  /** Only those who manage members see the page, so a participant gets 403 here rather than a list. */
  private Future<Membership> managed(RoutingContext ctx) {
    return communities.get(Caller.required(ctx), ctx.pathParam("communityId")).map(Membership::requireManager);
  }

  private Future<Page> changeRole(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    String userId = ctx.pathParam("userId");
    return forms.check("changeMemberRole", Map.of("communityId", communityId, "userId", userId),
            new JsonObject().put("role", Forms.text(ctx, "role")))
        .compose(valid -> communities.changeRole(Caller.required(ctx), communityId, userId, Role.parse(valid.getString("role"))))
        .map(changed -> Page.redirect("/c/" + communityId + "/members?done=role"));
  }

  /** Removing someone is asked once more on its own page, which works without JavaScript. */
  private Future<Page> confirmRemove(RoutingContext ctx) {
    String userId = ctx.pathParam("userId");
    return managed(ctx).map(m -> {
      if (!m.hasMember(userId)) {
        throw Problem.notFound("member");
      }
      return Page.of("member-remove", new JsonObject()
          .put("community", CommunityService.summary(m))
          .put("member", m.community().member(userId).view()));
    });
  }

  private Future<Page> remove(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    return communities.removeMember(Caller.required(ctx), communityId, ctx.pathParam("userId"))
        .map(removed -> Page.redirect("/c/" + communityId + "/members?done=removed"));
  }

  /** The link is shown once, right here: the store keeps only its hash. */
  private Future<Page> invite(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    JsonObject body = new JsonObject().put("role", Forms.text(ctx, "role"));
    Forms.putOptional(body, ctx, "name");
    return forms.check("createInvitation", Map.of("communityId", communityId), body)
        .compose(valid -> invitations.create(Caller.required(ctx), communityId, valid))
        .map(invitation -> Page.of("invitation", new JsonObject()
            .put("invitation", invitation)
            .put("qr", QrCode.of(invitation.getString("url")))));
  }

  private Future<Page> withdraw(RoutingContext ctx) {
    String communityId = ctx.pathParam("communityId");
    return invitations.withdraw(Caller.required(ctx), communityId, ctx.pathParam("invitationId"))
        .map(withdrawn -> Page.redirect("/c/" + communityId + "/members?done=withdrawn"));
  }

  private static JsonArray roles() {
    JsonArray roles = new JsonArray();
    for (Role role : Role.values()) {
      roles.add(role.value());
    }
    return roles;
  }
}
