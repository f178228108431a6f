package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.leerkring.web.Caller;
import nl.leerkring.web.Forms;
import nl.leerkring.web.Page;
import nl.leerkring.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API tokens page in a person's settings: make a token (for oneself, or for a company one administers),
 * see it once, list and revoke. A plain form: no script needed.
 */
public final class ApiTokenPages {

  /** A company's name for the owner choice; the community feature knows companies. */
  public interface Companies {
    Future<String> name(Caller caller, String organisationId);
  }

  static final List<Integer> DAYS = List.of(7, 30, 90, 365);

  private final Pages pages;
  private final Forms forms;
  private final ApiTokens tokens;
  private final ApiScopes scopes;
  private final Companies companies;

  public ApiTokenPages(Pages pages, Forms forms, ApiTokens tokens, ApiScopes scopes, Companies companies) {
    this.pages = pages;
    this.forms = forms;
    this.tokens = tokens;
    this.scopes = scopes;
    this.companies = companies;
  }

  public void mount(Router router) {
    router.get("/settings/tokens").handler(pages.show(ctx -> page(ctx, null)));
    router.post("/settings/tokens").handler(pages.form(this::make, ctx -> page(ctx, null)));
    router.post("/settings/tokens/:tokenId/revoke").handler(pages.show(ctx ->
        tokens.revoke(Caller.required(ctx), ctx.pathParam("tokenId"))
            .map(x -> Page.redirect("/settings/tokens?revoked=1"))));
  }

  /** Shown on the page that answers the form, never in a link: {@code made} holds the secret this once. */
  private Future<Page> make(RoutingContext ctx) {
    JsonObject body = new JsonObject()
        .put("name", Forms.text(ctx, "name"))
        .put("scopes", Forms.all(ctx, "scopes"))
        .put("expiresInDays", number(Forms.text(ctx, "expiresInDays")));
    String owner = Forms.text(ctx, "owner");
    if (!owner.isEmpty() && !"me".equals(owner)) {
      body.put("organisationId", owner);
    }
    return forms.check("createApiToken", Map.of(), body)
        .compose(valid -> tokens.create(Caller.required(ctx), valid))
        .compose(made -> page(ctx, made));
  }

  private Future<Page> page(RoutingContext ctx, JsonObject made) {
    Caller caller = Caller.required(ctx);
    List<Future<String>> names = new ArrayList<>();
    caller.adminOf().forEach(id -> names.add(companies.name(caller, id).otherwise(id)));
    return Future.all(tokens.list(caller), Future.all(names)).map(both -> {
      JsonArray owners = new JsonArray();
      for (int i = 0; i < names.size(); i++) {
        owners.add(new JsonObject().put("id", caller.adminOf().get(i)).put("name", names.get(i).result()));
      }
      // A form sent back with an error keeps its ticks; a new one starts with read-only.
      JsonArray ticked = made == null && "POST".equals(ctx.request().method().name())
          ? Forms.all(ctx, "scopes") : new JsonArray().add("read");
      JsonArray scopeChoices = new JsonArray();
      scopes.offered().forEach(scope -> scopeChoices.add(new JsonObject().put("scope", scope)
          .put("checked", ticked.contains(scope))));
      JsonArray days = new JsonArray();
      DAYS.forEach(d -> days.add(new JsonObject().put("days", d).put("default", d == 90)));
      JsonArray list = both.resultAt(0);
      list.forEach(token -> {
        JsonObject t = (JsonObject) token;
        t.put("active", ApiTokenStatus.ACTIVE.value().equals(t.getString("status")))
            .put("scopesText", String.join(", ", t.getJsonArray("scopes").stream().map(String::valueOf).toList()));
        owners.forEach(o -> {
          if (((JsonObject) o).getString("id").equals(t.getString("organisationId"))) {
            t.put("companyName", ((JsonObject) o).getString("name"));
          }
        });
      });
      return Page.of("api-tokens", new JsonObject()
          .put("tokens", list)
          .put("scopes", scopeChoices)
          .put("days", days)
          .put("owners", owners)
          .put("made", made)
          .put("revoked", "1".equals(ctx.request().getParam("revoked"))));
    });
  }

  /** A number as typed; what is not one goes to the contract as text, which then names the field. */
  private static Object number(String typed) {
    try {
      return Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      return typed;
    }
  }
}
