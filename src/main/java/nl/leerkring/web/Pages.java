package nl.leerkring.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.common.WebEnvironment;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import nl.leerkring.platform.LocalTimes;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Times;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders the server-side pages. Every page gets the person, their language and the CSRF token for its
 * forms; a form that fails shows the same page again with what was typed and the errors by field.
 */
public final class Pages {

  private static final String TEMPLATES = "webroot/templates/";
  /** About a thousand pages of 16 KB: the last minute's pages of a busy installation's active people. */
  private static final long RECENT_PAGES_BYTES = 16L * 1024 * 1024;

  private final Vertx vertx;
  private final HandlebarsTemplateEngine engine;
  private final Function<Caller, Future<Integer>> unread;
  private final ZoneId zone;
  private final Clock clock;
  /** In development mode an edited template shows on the next render, which reads its files again each time. */
  private final boolean development;
  /** Templates rendered once: compiled, with the partials they used, so a render does no more file reads. */
  private final Set<String> rendered = ConcurrentHashMap.newKeySet();
  private final RenderedPages recent = new RenderedPages(RECENT_PAGES_BYTES);

  /**
   * {@code unread} counts a person's unread notifications, which every page shows in its header; times are
   * shown in {@code zone}, the installation's, unless a template names another (a session's own);
   * {@code {{static "app.css"}}} links a static file by its fingerprint; {@code clock} is what "2 hours ago"
   * counts from.
   */
  public Pages(Vertx vertx, Function<Caller, Future<Integer>> unread, ZoneId zone, StaticFiles staticFiles,
               Clock clock) {
    this.vertx = vertx;
    this.unread = unread;
    this.zone = zone;
    this.clock = clock;
    this.engine = HandlebarsTemplateEngine.create(vertx);
    Handlebars handlebars = engine.unwrap();
    this.development = WebEnvironment.development();
    if (!development) {
      TemplatesByName.install(handlebars);
    }
    handlebars.registerHelper("t", (Helper<String>) (key, options) ->
        I18n.text(language(options.get("_lang")), key, options.params));
    handlebars.registerHelper("static", (Helper<String>) (name, options) -> new Handlebars.SafeString(staticFiles.url(name)));
    handlebars.registerHelper("eq", (Helper<Object>) (a, options) -> Objects.equals(str(a), str(options.param(0, null))));
    handlebars.registerHelper("concat", (Helper<Object>) (a, options) -> {
      StringBuilder out = new StringBuilder(str(a));
      for (Object param : options.params) {
        out.append(str(param));
      }
      return out.toString();
    });
    // {{errorAt "references" index "url"}}: the message at references_0_url in the page's errors, for a field of a
    // repeated row (a template names other fields' errors as errors.text).
    handlebars.registerHelper("errorAt", (Helper<Object>) (first, options) -> {
      StringBuilder key = new StringBuilder(str(first));
      for (Object part : options.params) {
        key.append('_').append(str(part));
      }
      Object errors = options.get("errors");
      return errors instanceof JsonObject json ? json.getValue(key.toString())
          : errors instanceof Map<?, ?> map ? map.get(key.toString()) : null;
    });
    // {{date startsAt zone}}: a session's time in its own zone, which is named when it is not the installation's.
    // The installation's zone comes with the model: compiled templates are cached per Vert.x instance, and with
    // them the helpers of whichever Pages compiled them first.
    handlebars.registerHelper("date", (Helper<Object>) (value, options) -> {
      ZoneId installation = installationZone(options.get("_zone"));
      return LocalTimes.show(str(value), LocalTimes.stored(emptyAsNull(options.param(0, null)), installation),
          installation, I18n.locale(language(options.get("_lang"))));
    });
    handlebars.registerHelper("day", (Helper<Object>) (value, options) ->
        day(str(value), options.get("_lang"), installationZone(options.get("_zone"))));
    // {{ago at zone}}: "2 uur geleden", with the exact time on hover (and on focus, with focus=true).
    handlebars.registerHelper("ago", (Helper<Object>) (value, options) -> ago(str(value), options));
    // {{avatar id name}}: initials in a circle whose colour follows the person's id; the name is next to it.
    handlebars.registerHelper("avatar", (Helper<Object>) (id, options) -> new Handlebars.SafeString(
        "<span class=\"avatar av" + Avatar.colour(str(id)) + "\" aria-hidden=\"true\">"
            + escape(Avatar.initials(str(options.param(0, "")))) + "</span>"));
  }

  private static Object ago(String value, Options options) {
    if (value.isEmpty()) {
      return "";
    }
    ZoneId installation = installationZone(options.get("_zone"));
    ZoneId zone = LocalTimes.stored(emptyAsNull(options.param(0, null)), installation);
    Instant at = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
    Object now = options.get("_now");
    RelativeTime.Shown shown = RelativeTime.of(at, now instanceof Instant given ? given : Instant.now(),
        zone, installation, language(options.get("_lang")));
    boolean focusable = Boolean.TRUE.equals(options.hash("focus"));
    return new Handlebars.SafeString("<time class=\"ago\" datetime=\"" + escape(shown.datetime()) + "\" title=\""
        + escape(shown.exact()) + "\"" + (focusable ? " tabindex=\"0\"" : "") + ">" + escape(shown.words()) + "</time>");
  }

  private static String escape(String text) {
    return Handlebars.Utils.escapeExpression(text).toString();
  }

  /** The installation's zone: what "now" and "today" mean on a form, and the zone a page names no further. */
  public ZoneId zone() {
    return zone;
  }

  /** A GET page; a visitor who is not logged in is sent to the login page and brought back afterwards. */
  public Handler<RoutingContext> show(Function<RoutingContext, Future<Page>> action) {
    return ctx -> {
      if (Caller.optional(ctx) == null) {
        redirect(ctx, "/login?next=" + URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8));
        return;
      }
      run(ctx, action);
    };
  }

  /** A page anyone may see, logged in or not. */
  public Handler<RoutingContext> open(Function<RoutingContext, Future<Page>> action) {
    return ctx -> run(ctx, action);
  }

  /**
   * A form post. When the rules refuse the input, {@code again} builds the form page once more; it is shown
   * with what the person typed and the error next to the field it is about.
   */
  public Handler<RoutingContext> form(Function<RoutingContext, Future<Page>> action,
                                      Function<RoutingContext, Future<Page>> again) {
    return open(ctx -> action.apply(ctx).recover(failure -> failure instanceof Problem problem && isCorrectable(problem)
        ? again.apply(ctx).map(page -> withErrors(ctx, page, problem))
        : Future.failedFuture(failure)));
  }

  /** Refusals the person can do something about on the same form; anything else gets the error page. */
  private static boolean isCorrectable(Problem problem) {
    return switch (problem.status()) {
      case 400, 409, 413, 429 -> true;
      case 401 -> !Problem.unauthenticated().code().equals(problem.code());
      default -> false;
    };
  }

  private Page withErrors(RoutingContext ctx, Page page, Problem problem) {
    Failures.retryAfter(ctx, problem);
    page.model().put("values", values(ctx)).put("errors", errors(problem, Language.of(ctx)))
        .put("_status", problem.status());
    return page;
  }

  /** What was typed in a posted form, by the names a template shows it at (harvest.learned as harvest_learned). */
  public static JsonObject values(RoutingContext ctx) {
    JsonObject values = new JsonObject();
    ctx.request().formAttributes().forEach(e -> values.put(e.getKey().replace('.', '_'), e.getValue()));
    return values;
  }

  /**
   * Each message by the name the template shows it at: the field (references/0/url as references_0_url), or
   * "form" when the refusal is about no field in particular.
   */
  static JsonObject errors(Problem problem, String lang) {
    JsonObject errors = new JsonObject();
    if (problem.field() == null) {
      return errors.put("form", PageFailures.message(lang, problem));
    }
    for (Problem one : problem.fieldProblems()) {
      String message = PageFailures.message(lang, one);
      errors.put(one.field().replace('.', '_').replace('/', '_'), message);
      // A part of a group (references/0/url) is also shown at the group, where the template has room for it.
      errors.put(one.field().split("/")[0], errors.getString(one.field().split("/")[0], message));
    }
    return errors;
  }

  private void run(RoutingContext ctx, Function<RoutingContext, Future<Page>> action) {
    RouteNames.set(ctx, ctx.currentRoute().getPath());
    // A page shown on a GET changes nothing, so the header's count can be read while the page's data is.
    Future<Integer> unreadBefore = ctx.request().method() == HttpMethod.GET ? unreadOf(Caller.optional(ctx)) : null;
    Future<Page> result;
    try {
      result = action.apply(ctx);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    result.onSuccess(page -> {
      if (page.redirect() != null) {
        redirect(ctx, page.redirect());
      } else {
        render(ctx, page.model().getInteger("_status", 200), page.template(), page.model(),
            unreadBefore != null ? unreadBefore : unreadOf(Caller.optional(ctx)));
      }
    }).onFailure(ctx::fail);
  }

  /**
   * "See other": the browser goes to {@code location}. A form that a script sends to show its progress
   * (upload.js, with {@code X-Requested-With}) gets 204 with the address instead: XMLHttpRequest would follow a
   * redirect itself, fetching the page only for the browser to fetch it again, and lose its #fragment.
   */
  public static void redirect(RoutingContext ctx, String location) {
    boolean script = ctx.request().method() == HttpMethod.POST
        && "XMLHttpRequest".equals(ctx.request().getHeader("X-Requested-With"));
    ctx.response().setStatusCode(script ? 204 : 303).putHeader("Location", location).end();
  }

  /** Renders off the event loop: the first render of a template reads and compiles its files. */
  public void render(RoutingContext ctx, int status, String template, JsonObject model) {
    render(ctx, status, template, model, unreadOf(Caller.optional(ctx)));
  }

  private void render(RoutingContext ctx, int status, String template, JsonObject model, Future<Integer> unreadCount) {
    Caller caller = Caller.optional(ctx);
    String lang = Language.of(ctx);
    model.put("_lang", lang)
        .put("_zone", zone.getId())
        .put("_template", template)
        .put("_path", ctx.request().path())
        .put("_other", "nl".equals(lang) ? "en" : "nl")
        // An Instant, not its text: each {{ago}} of a feed would parse it again.
        .put("_now", Instant.now(clock))
        .put("_errorSummary", ErrorSummary.of(ctx, model))
        .put("_saved", Saved.of(ctx));
    if (caller != null) {
      model.put("_me", new JsonObject()
          .put("id", caller.userId())
          .put("name", caller.displayName())
          .put("member", !caller.communityIds().isEmpty())
          .put("admin", !caller.adminOf().isEmpty())
          .put("installation", caller.installationAdmin())
          .put("manager", caller.manager())
          .put("write", Navigation.writeHref(caller)))
          .put("_csrf", caller.csrfToken());
    }
    unreadCount.onComplete(counted -> {
      model.put("_unread", counted.result());
      if (caller != null) {
        model.put("_nav", Navigation.items(caller, ctx.request().path(), counted.result()));
      }
      renderNow(ctx, status, template, model);
    });
  }

  /** A count that cannot be read must not cost the person their page. */
  private Future<Integer> unreadOf(Caller caller) {
    return caller == null ? Future.succeededFuture(0) : unread.apply(caller).otherwise(0);
  }

  private void renderNow(RoutingContext ctx, int status, String template, JsonObject model) {
    rendered(template, model, true)
        .onFailure(ctx::fail)
        .onSuccess(html -> {
          if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(html);
          }
        });
  }

  /** Renders a template to a string off the event loop, for mails; the model carries {@code _lang}. */
  public Future<String> renderText(String template, JsonObject model) {
    return rendered(template, model.put("_zone", zone.getId()), false).map(Buffer::toString);
  }

  /**
   * The first render of a template reads and compiles its files, off the event loop; later ones are CPU only and
   * run where they are asked for, as a hop to a worker thread and back cost more than rendering. A partial that a
   * later render uses for the first time (a form's errors) is one small file read, once. The engine renders
   * synchronously, so its future is complete when it returns. A page (not a mail) seen a moment ago with the same
   * model is not rendered again.
   */
  private Future<Buffer> rendered(String template, JsonObject model, boolean page) {
    if (!development && rendered.contains(template)) {
      try {
        return Future.succeededFuture(page ? recent.of(template, model, () -> html(template, model))
            : html(template, model));
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
    return vertx.executeBlocking(() -> {
      Buffer html = html(template, model);
      rendered.add(template);
      return html;
    }, false);
  }

  private Buffer html(String template, JsonObject model) throws Exception {
    Future<Buffer> done = engine.render(model.getMap(), TEMPLATES + template + ".hbs");
    if (done.failed()) {
      throw new Exception("Could not render " + template, done.cause());
    }
    // A page with errors (rare, and a millisecond or two) gets its summary's field names from the page itself.
    return model.getValue("_errorSummary") == null ? done.result() : ErrorSummary.withFieldNames(done.result());
  }

  private static ZoneId installationZone(Object zone) {
    return LocalTimes.stored(emptyAsNull(zone), Times.DEFAULT_ZONE);
  }

  private static String day(String value, Object lang, ZoneId zone) {
    if (value.isEmpty()) {
      return "";
    }
    DateTimeFormatter formatter = LocalTimes.dates(I18n.locale(language(lang))).withZone(zone);
    return value.length() == 10 ? LocalDate.parse(value).format(formatter) : formatter.format(Instant.parse(value));
  }

  private static String emptyAsNull(Object value) {
    return value == null || str(value).isEmpty() ? null : str(value);
  }

  private static String language(Object lang) {
    return lang == null ? "nl" : lang.toString();
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }
}
