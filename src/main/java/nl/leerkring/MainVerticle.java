package nl.leerkring;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import nl.leerkring.account.AccountRoutes;
import nl.leerkring.account.ApiScopes;
import nl.leerkring.account.ApiTokenPages;
import nl.leerkring.account.ApiTokenRoutes;
import nl.leerkring.account.BearerAuthentication;
import nl.leerkring.account.Logins;
import nl.leerkring.account.ResetPages;
import nl.leerkring.home.ActivityRoutes;
import nl.leerkring.audit.AuditPages;
import nl.leerkring.audit.AuditRoutes;
import nl.leerkring.home.CommunityPages;
import nl.leerkring.calendar.CalendarRoutes;
import nl.leerkring.community.CommunityRoutes;
import nl.leerkring.community.InvitationRoutes;
import nl.leerkring.community.RhythmRoutes;
import nl.leerkring.community.RhythmPages;
import nl.leerkring.contribution.ContributionRoutes;
import nl.leerkring.cycle.CyclePages;
import nl.leerkring.cycle.CycleRoutes;
import nl.leerkring.demo.DemoData;
import nl.leerkring.fieldnote.NotePages;
import nl.leerkring.fieldnote.NoteRoutes;
import nl.leerkring.health.HealthRoutes;
import nl.leerkring.installation.InstallationPages;
import nl.leerkring.installation.InstallationRoutes;
import nl.leerkring.installation.InstallationService;
import nl.leerkring.mail.MailPages;
import nl.leerkring.web.RouteNames;
import nl.leerkring.monitoring.Monitoring;
import nl.leerkring.monitoring.RequestTimeout;
import nl.leerkring.monitoring.StoreTimings;
import nl.leerkring.mail.MailRoutes;
import nl.leerkring.notification.NotificationPages;
import nl.leerkring.notification.NotificationRoutes;
import nl.leerkring.platform.Database;
import nl.leerkring.privacy.Erasure;
import nl.leerkring.platform.Settings;
import nl.leerkring.privacy.PrivacyPages;
import nl.leerkring.privacy.PrivacyRoutes;
import nl.leerkring.prompt.PromptPages;
import nl.leerkring.prompt.PromptRoutes;
import nl.leerkring.question.QuestionPages;
import nl.leerkring.question.QuestionRoutes;
import nl.leerkring.manager.ManagerPages;
import nl.leerkring.manager.ManagerRoutes;
import nl.leerkring.portfolio.PortfolioPages;
import nl.leerkring.portfolio.PortfolioRoutes;
import nl.leerkring.report.ReportPages;
import nl.leerkring.report.ReportRoutes;
import nl.leerkring.scan.ScanPages;
import nl.leerkring.scan.ScanRoutes;
import nl.leerkring.session.SessionPages;
import nl.leerkring.session.SessionChangePages;
import nl.leerkring.session.SessionRoutes;
import nl.leerkring.search.SearchPages;
import nl.leerkring.search.SearchRoutes;
import nl.leerkring.snack.SnackPages;
import nl.leerkring.snack.SnackRoutes;
import nl.leerkring.sso.Sso;
import nl.leerkring.sso.SsoPages;
import nl.leerkring.sso.SsoRoutes;
import nl.leerkring.account.AccountPages;
import nl.leerkring.home.HomePages;
import nl.leerkring.community.AdminPages;
import nl.leerkring.community.JoinPages;
import nl.leerkring.contribution.LecturerPages;
import nl.leerkring.web.ApiDocs;
import nl.leerkring.web.ClientAddress;
import nl.leerkring.web.ContractValidation;
import nl.leerkring.web.Failures;
import nl.leerkring.web.Forms;
import nl.leerkring.web.PageFailures;
import nl.leerkring.web.PlainText;
import nl.leerkring.web.Pages;
import nl.leerkring.web.JsonBodyLimit;
import nl.leerkring.web.SameOrigin;
import nl.leerkring.web.SecurityHeaders;
import nl.leerkring.web.StaticFiles;
import nl.leerkring.offline.OfflineApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens the store, finishes writes an earlier run left half done, loads the demo into an empty store, and
 * serves the HTTP API. Its settings come from {@link Settings}.
 */
public final class MainVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);
  public static final String CONTRACT = "webroot/api/openapi.yaml";
  private static final AtomicInteger FREE_PORTS = new AtomicInteger();

  private final Clock clock;
  private Database db;
  private HttpServer server;
  private Services services;
  private Monitoring monitoring;
  private InstallationService installation;
  private long housekeeping = -1;
  private Erasure erasure;
  private Sso sso;

  public MainVerticle() {
    this(Clock.systemUTC());
  }

  /** Tests pass a clock they can move, so that nothing waits for real days. */
  public MainVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    monitoring = Monitoring.create(vertx);
    return Settings.load(vertx, config()).compose(settings -> {
      Future<?> stored = Database.open(vertx, settings, clock, new StoreTimings(monitoring.registry())::timed)
          .compose(database -> {
            db = database;
            return db.finishInterruptedWrites();
          })
          .compose(replayed -> settings.demo()
              ? new DemoData(vertx, db, settings.passwordIterations()).loadIntoEmptyStore()
              : Future.succeededFuture());
      // The contract is read while the store opens: each takes about a second in a fresh JVM, and on two cores
      // the start then waits for the longer of them instead of both (issue 14: the first page within 3 s).
      Future<ApiScopes> scopes = ApiScopes.load(vertx, CONTRACT);
      Future<OpenAPIContract> contract = scopes.compose(read -> read.contractWithoutSecurity(vertx));
      Future<StaticFiles> staticFiles = StaticFiles.load(vertx);
      return Future.all(stored, contract, staticFiles)
          .compose(ready -> {
            Router router = router(settings, contract.result(), scopes.result(), staticFiles.result());
            return services.startSearch().compose(x -> listen(settings, router));
          })
          .compose(x -> monitoring.listenSeparately(settings.operations()))
          .compose(x -> services.startJobs())
          .compose(x -> finishErasures())
          .compose(x -> installation.openSetupIfNeeded())
          .onSuccess(token -> {
            if (token != null) {
              LOG.warn("No installation administrator yet. Open {}/setup/{} to become the first one (the link "
                  + "works once; a restart replaces it), or stop the server and run: java -jar leerkring.jar "
                  + "create-admin", settings.publicUrl(), token);
            }
          });
    });
  }

  /** An erasure cut off halfway is finished, never left with a person's private data still in the store. */
  private Future<Void> finishErasures() {
    return erasure.finishPending()
        .onSuccess(finished -> {
          if (finished > 0) {
            LOG.info("Finished {} interrupted erasure(s)", finished);
          }
        })
        .onFailure(error -> LOG.warn("Could not finish an interrupted erasure; the next round tries again", error))
        .<Void>mapEmpty()
        .recover(error -> Future.succeededFuture());
  }

  /** {@code contract} without its security requirements (see {@link ApiScopes#contractWithoutSecurity}). */
  private Router router(Settings settings, OpenAPIContract contract, ApiScopes scopes, StaticFiles staticFiles) {
    services = Services.create(vertx, db, settings, monitoring.registry(), staticFiles);
    installation = services.installation();
    erasure = services.erasure();
    sso = Sso.create(vertx, db, settings, services.users(), services.accounts(), services.audit());
    Logins logins = services.logins();
    ContractValidation validation = new ContractValidation(vertx, contract);

    Router router = Router.router(vertx);
    router.route().handler(monitoring.accessLog());
    router.route().handler(new RequestTimeout(vertx, settings.operations().requestTimeoutMillis(),
        settings.operations().uploadTimeoutMillis()));
    SecurityHeaders.addTo(router, settings.publicUrl().startsWith("https:"));
    router.route().handler(new SameOrigin(settings.publicUrl()));
    router.get("/health").handler(RouteNames.named("/health"));
    new HealthRoutes(db, services.search()).mount(router);
    router.get("/metrics").handler(RouteNames.named("/metrics")).handler(services.authentication())
        .handler(monitoring.adminScrape());
    router.route("/metrics").failureHandler(new Failures());
    router.get("/api/v1/openapi.yaml").handler(RouteNames.named("/api/v1/openapi.yaml")).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile(CONTRACT));
    router.route("/api/v1/*").subRouter(api(services, contract, validation, scopes));
    ApiDocs.mount(router);
    router.route("/api/*").failureHandler(new Failures());
    router.route("/static/*").handler(RouteNames.named("/static/*")).handler(staticFiles);
    StaticFiles.mountFavicon(router);
    // The installable app (issue 13.2): its manifest and service worker at the site's root.
    new OfflineApp(vertx, staticFiles).mount(router);
    router.route("/*").subRouter(pages(services, validation, scopes, staticFiles));

    housekeeping = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> logins.removeExpired()
        .onFailure(error -> LOG.warn("Could not remove expired logins", error))
        .eventually(this::finishErasures));
    return router;
  }

  private Router api(Services s, OpenAPIContract contract, ContractValidation validation, ApiScopes scopes) {
    Settings settings = s.settings();
    RequestExtractor extractor = RequestExtractor.withBodyHandler();
    RouterBuilder api = RouterBuilder.create(vertx, contract, extractor)
        .rootHandler(BodyHandler.create(false).setBodyLimit(settings.maxPhotoBytes()))
        .rootHandler(new JsonBodyLimit(settings.maxBodyBytes()))
        .rootHandler(new PlainText())
        .rootHandler(new BearerAuthentication(s.apiTokens(), s.authentication()));
    // The router's own validation makes its validators anew for every request; these are made once.
    api.getRoutes().forEach(route -> route.setDoValidation(false)
        .addHandler(validation.handler(route.getOperation(), extractor)));
    api.getRoutes().forEach(route -> route.addHandler(RouteNames.named("/api/v1" + route.getOperation().getOpenAPIPath())));
    api.getRoutes().forEach(route -> route.addHandler(scopes.guard(route.getOperation().getOperationId())));
    new AccountRoutes(s.accounts(), s.authentication(), new ClientAddress(settings.trustedProxies()))
        .withResets(s.passwordResets()).mount(api);
    new CommunityRoutes(s.communities()).mount(api);
    new CycleRoutes(s.cycles()).mount(api);
    new SessionRoutes(s.sessions()).mount(api);
    new QuestionRoutes(s.questions()).mount(api);
    new InvitationRoutes(s.invitations(), s.authentication()).mount(api);
    new NoteRoutes(s.notes()).mount(api);
    new PromptRoutes(s.prompts(), s.promptDeliveries()).mount(api);
    new ContributionRoutes(s.contributions()).mount(api);
    new ActivityRoutes(s.activityFeed()).mount(api);
    new RhythmRoutes(s.rhythm()).mount(api);
    new NotificationRoutes(s.notifications()).mount(api);
    new MailRoutes(s.mailPreferences()).mount(api);
    new CalendarRoutes(s.calendarFeeds()).mount(api);
    new InstallationRoutes(s.installation(), s.authentication()).mount(api);
    new AuditRoutes(s.audit()).mount(api);
    new PrivacyRoutes(s.export(), s.erasure(), s.accounts(), s.authentication()).mount(api);
    new SsoRoutes(sso.settings()).mount(api);
    new ReportRoutes(s.reports(), s.exports()).mount(api);
    new ScanRoutes(s.scans(), s.scanResults()).mount(api);
    new ApiTokenRoutes(s.apiTokens()).mount(api);
    new PortfolioRoutes(s.portfolio()).mount(api);
    new ManagerRoutes(s.managers()).mount(api);
    // Learning snacks (#12.4) and search (#12.3)
    new SnackRoutes(s.snacks()).mount(api);
    new SearchRoutes(s.search()).mount(api);
    return api.createRouter();
  }

  /** The pages people use in the browser: forms in, HTML out, on the same services as the API. */
  private Router pages(Services s, ContractValidation validation, ApiScopes scopes, StaticFiles staticFiles) {
    Pages pages = new Pages(vertx, s.notifications()::unread, s.settings().zone(), staticFiles, clock);
    Forms forms = new Forms(validation);
    Router router = Router.router(vertx);
    router.route().handler(BearerAuthentication.refusedOnPages());
    // Photos arrive as multipart uploads; the temporary files go once the request is answered.
    router.route().handler(BodyHandler.create(s.settings().dataDir().resolve("uploads").toString())
        .setBodyLimit(s.settings().maxPhotoBytes() + 64 * 1024)
        .setDeleteUploadedFilesOnEnd(true));
    router.route().handler(s.authentication());
    new AccountPages(pages, forms, s.accounts(), s.authentication(),
        new ClientAddress(s.settings().trustedProxies())).mount(router);
    new HomePages(pages, s.home(), s.facilitator()).mount(router);
    new CommunityPages(pages, s.communityOverview()).mount(router);
    new PromptPages(pages, forms, s.communities(), s.prompts()).mount(router);
    new SessionPages(vertx, pages, forms, s.sessions(), s.communities(), s.sinceLastTime()).mount(router);
    new CyclePages(pages, forms, s.cycles(), s.communities()).mount(router);
    new LecturerPages(pages, forms, s.communities(), s.contributions()).mount(router);
    new AdminPages(pages, forms, s.communities(), s.invitations(), s.users()).mount(router);
    new JoinPages(pages, forms, s.invitations(), s.authentication()).mount(router);
    new NotePages(pages, forms, s.notes(), s.questions(), s.communities()).mount(router);
    new QuestionPages(pages, forms, s.questions(), s.communities()).mount(router);
    new NotificationPages(pages, s.notifications()).mount(router);
    new MailPages(pages, forms, s.mailPreferences(), s.calendarFeeds()).mount(router);
    new CalendarRoutes(s.calendarFeeds()).mountFiles(router);
    new InstallationPages(pages, forms, s.installation(), s.authentication()).mount(router);
    new AuditPages(pages, s.audit()).mount(router);
    new ResetPages(pages, forms, s.passwordResets()).mount(router);
    new PrivacyPages(pages, forms, s.export(), s.erasure(), s.accounts(), s.authentication()).mount(router);
    new SsoPages(pages, forms, sso, s.authentication(), new ClientAddress(s.settings().trustedProxies()),
        s.settings().publicUrl().startsWith("https:")).mount(router);
    new ReportPages(pages, forms, s.reports(), s.exports()).mount(router);
    new ScanPages(pages, forms, s.scans(), s.scanResults()).mount(router);
    new ApiTokenPages(pages, forms, s.apiTokens(), scopes, (caller, organisationId) ->
        s.communities().organisation(caller, organisationId).map(org -> org.getString("name"))).mount(router);
    OfflineApp.mountPage(router, pages);
    // The facilitator's forms (issue 12.6): moving and cancelling a session, the community's rhythm.
    new SessionChangePages(pages, forms, s.sessions(), s.communities()).mount(router);
    new RhythmPages(pages, forms, s.communities(), s.rhythm()).mount(router);
    new PortfolioPages(pages, s.portfolio()).mount(router);
    new ManagerPages(pages, forms, s.managers()).mount(router);
    // Learning snacks (#12.4) and search (#12.3)
    new SnackPages(pages, forms, s.snacks(), s.questions()).mount(router);
    new SearchPages(pages, s.search(), s.communities(), s.questions()).mount(router);
    router.route().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(new PageFailures(pages));
    return router;
  }

  /**
   * One HTTP server per event loop, {@code httpInstances} in all, on one port: Vert.x hands each new connection
   * to the next of them, so requests use every core, while the store, the services and the scheduler stay
   * one per process.
   */
  private Future<HttpServer> listen(Settings settings, Router router) {
    // A negative port is Vert.x's way to share one free port among the servers that name the same number: what
    // port 0 means for one. Each deployment takes its own number, or two in one Vert.x (tests) would share.
    int port = settings.httpPort() == 0 ? -FREE_PORTS.incrementAndGet() : settings.httpPort();
    // Pages and JSON travel gzip-compressed (a phone on a slow network gets a fifth of the bytes); photos and the
    // live event stream say "identity" themselves, since JPEG does not shrink and a stream must not wait.
    // A form field holds up to the contract's longest text, 10,000 characters of up to 4 bytes each; Vert.x's
    // default (8 KiB) refused a long note from the page while the API took it.
    HttpServerOptions options = new HttpServerOptions().setHost(settings.httpHost()).setPort(port)
        .setCompressionSupported(true).setMaxFormAttributeSize(64 * 1024);
    int instances = settings.operations().httpInstances();
    // All servers in one deployment: its instances take consecutive event loops. A server of this verticle's
    // own plus the others deployed after it could land on this verticle's loop again, when other deployments
    // took loops in between (seen in a test JVM with several servers).
    AtomicReference<HttpServer> first = new AtomicReference<>();
    return vertx.deployVerticle(() -> new SamePort(router, options, first),
            new DeploymentOptions().setInstances(instances))
        .map(deployed -> first.get())
        .onSuccess(s -> {
          server = s;
          LOG.info("Leerkring listening on http://{}:{} ({} event loops), {} ms after the JVM started",
              settings.httpHost(), s.actualPort(), instances, ManagementFactory.getRuntimeMXBean().getUptime());
          monitoring.start();
        });
  }

  /** One of the servers on one port, on an event loop of its own; undeployed with this verticle. */
  private static final class SamePort extends VerticleBase {

    private final Router router;
    private final HttpServerOptions options;
    private final AtomicReference<HttpServer> first;

    SamePort(Router router, HttpServerOptions options, AtomicReference<HttpServer> first) {
      this.router = router;
      this.options = options;
      this.first = first;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer(options).requestHandler(router).listen()
          .onSuccess(listening -> first.compareAndSet(null, listening));
    }
  }

  /** The port actually bound, which differs from the configured one when that was 0. */
  public int port() {
    return server.actualPort();
  }

  /** The port of the separate metrics address (setting metricsPort), or -1 when there is none. */
  public int metricsPort() {
    return monitoring.metricsPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(housekeeping);
    if (monitoring != null) {
      monitoring.stop();
    }
    Future<Void> closing = services == null ? Future.succeededFuture() : services.stopJobs();
    closing = closing.compose(x -> server == null ? Future.succeededFuture() : server.close());
    return closing.compose(x -> db == null ? Future.succeededFuture() : db.close());
  }
}
