package nl.leerkring;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import nl.leerkring.account.AccountRoutes;
import nl.leerkring.account.Authentication;
import nl.leerkring.account.LoginThrottle;
import nl.leerkring.account.Logins;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.activity.ActivityRoutes;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityRoutes;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.InvitationRoutes;
import nl.leerkring.contribution.ContributionRoutes;
import nl.leerkring.cycle.CycleRoutes;
import nl.leerkring.demo.DemoData;
import nl.leerkring.fieldnote.NoteRoutes;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.health.HealthRoutes;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;
import nl.leerkring.prompt.PromptRoutes;
import nl.leerkring.question.QuestionRoutes;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.SessionRoutes;
import nl.leerkring.web.Failures;
import nl.leerkring.web.JsonBodyLimit;
import nl.leerkring.web.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Opens the store, finishes writes an earlier run left half done, loads the demo into an empty store, and
 * serves the HTTP API. Its settings come from {@link Settings}.
 */
public final class MainVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);
  private static final String CONTRACT = "webroot/api/openapi.yaml";

  private Database db;
  private HttpServer server;
  private long housekeeping = -1;

  @Override
  public Future<?> start() {
    return Settings.load(vertx, config()).compose(settings -> Database.open(vertx, settings, Clock.systemUTC())
        .compose(database -> {
          db = database;
          return db.writes().replayPending();
        })
        .compose(replayed -> settings.demo() ? new DemoData(vertx, db).loadIntoEmptyStore() : Future.succeededFuture())
        .compose(x -> OpenAPIContract.from(vertx, CONTRACT))
        .compose(contract -> listen(settings, router(settings, contract))));
  }

  private Router router(Settings settings, OpenAPIContract contract) {
    UserStore users = new UserStore(db);
    Passwords passwords = new Passwords(vertx);
    Logins logins = new Logins(db, Duration.ofHours(settings.sessionHours()));
    Authentication authentication = new Authentication(logins, users, settings.publicUrl().startsWith("https:"));
    ActivityLog activity = new ActivityLog(db);
    CommunityStore communities = new CommunityStore(db);
    Access access = new Access(communities);
    QuestionStore questions = new QuestionStore(db);
    NoteStore notes = new NoteStore(db, questions, activity);
    AccountRoutes accounts = new AccountRoutes(users, passwords, logins,
        new LoginThrottle(db, settings.loginAttemptsPerWindow(), Duration.ofMinutes(settings.loginWindowMinutes())),
        authentication);

    RouterBuilder api = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(BodyHandler.create(false).setBodyLimit(settings.maxPhotoBytes()))
        .rootHandler(new JsonBodyLimit(settings.maxBodyBytes()))
        .rootHandler(authentication);
    accounts.mount(api);
    new CommunityRoutes(db, communities, access, activity).mount(api);
    new InvitationRoutes(db, access, communities, users, passwords, activity, accounts, settings.publicUrl()).mount(api);
    new CycleRoutes(db, access, questions, activity).mount(api);
    new SessionRoutes(db, access, questions, activity).mount(api);
    new QuestionRoutes(db, access, questions, activity).mount(api);
    new NoteRoutes(vertx, db, access, notes, questions, settings.maxPhotoBytes()).mount(api);
    new PromptRoutes(db, access, communities, notes, activity).mount(api);
    new ContributionRoutes(db, access, questions, activity).mount(api);
    new ActivityRoutes(db, access, activity).mount(api);

    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    new HealthRoutes(db).mount(router);
    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile(CONTRACT));
    router.route("/api/v1/*").subRouter(api.createRouter());
    router.route("/api/*").failureHandler(new Failures());
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router.route().failureHandler(new Failures());

    housekeeping = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> logins.removeExpired()
        .onFailure(error -> LOG.warn("Could not remove expired logins", error)));
    return router;
  }

  private Future<HttpServer> listen(Settings settings, Router router) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(settings.httpHost()).setPort(settings.httpPort()))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> {
          server = s;
          LOG.info("Leerkring listening on http://{}:{}", settings.httpHost(), s.actualPort());
        });
  }

  /** The port actually bound, which differs from the configured one when that was 0. */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(housekeeping);
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(x -> db == null ? Future.succeededFuture() : db.close());
  }
}
