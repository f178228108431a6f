package nl.leerkring;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.ApiTokens;
import nl.leerkring.account.Authentication;
import nl.leerkring.account.Callers;
import nl.leerkring.account.LoginThrottle;
import nl.leerkring.account.Logins;
import nl.leerkring.account.PasswordPolicy;
import nl.leerkring.account.PasswordResets;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.home.ActivityService;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.calendar.CalendarFeeds;
import nl.leerkring.calendar.SessionInvitations;
import nl.leerkring.community.Access;
import nl.leerkring.home.Agenda;
import nl.leerkring.home.CommunityOverview;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Rhythm;
import nl.leerkring.digest.Digests;
import nl.leerkring.mail.MailJob;
import nl.leerkring.mail.MailPreferences;
import nl.leerkring.mail.MailTemplates;
import nl.leerkring.mail.Mailer;
import nl.leerkring.notification.NotificationService;
import nl.leerkring.notification.Notifications;
import nl.leerkring.platform.jobs.DeliveryLog;
import nl.leerkring.platform.jobs.Scheduler;
import nl.leerkring.prompt.PromptDeliveries;
import nl.leerkring.prompt.PromptJobs;
import nl.leerkring.prompt.PromptReminders;
import nl.leerkring.question.QuestionNews;
import nl.leerkring.report.Exports;
import nl.leerkring.report.ReportPdf;
import nl.leerkring.report.ReportService;
import nl.leerkring.session.SessionChanges;
import nl.leerkring.session.SessionReminders;
import nl.leerkring.web.Pages;
import nl.leerkring.web.StaticFiles;
import nl.leerkring.cycle.CycleService;
import nl.leerkring.community.InvitationService;
import nl.leerkring.contribution.ContributionService;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.fieldnote.NoteService;
import nl.leerkring.fieldnote.PhotoStorage;
import nl.leerkring.community.Membership;
import nl.leerkring.search.SearchService;
import nl.leerkring.snack.SnackKind;
import nl.leerkring.snack.SnackPages;
import nl.leerkring.snack.SnackService;
import nl.leerkring.snack.SnackStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.home.FacilitatorService;
import nl.leerkring.fieldnote.NoteFindings;
import nl.leerkring.snack.SnackFindings;
import nl.leerkring.contribution.ContributionFindings;
import nl.leerkring.session.SessionFindings;
import nl.leerkring.session.SinceLastTime;
import nl.leerkring.home.HomeService;
import nl.leerkring.installation.InstallationService;
import nl.leerkring.platform.Database;
import nl.leerkring.privacy.DataExport;
import nl.leerkring.privacy.Erasure;
import nl.leerkring.platform.Settings;
import nl.leerkring.question.QuestionService;
import nl.leerkring.prompt.PromptService;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.prompt.PromptStore;
import nl.leerkring.session.SessionService;
import nl.leerkring.session.SessionStore;
import nl.leerkring.scan.QuestionSets;
import nl.leerkring.scan.ScanResults;
import nl.leerkring.scan.ScanService;
import nl.leerkring.manager.ManagerService;
import nl.leerkring.portfolio.PortfolioService;

import java.time.Duration;
import java.util.List;

/**
 * The rules of every feature, built once: the one place where the parts are put together, the job
 * handlers of every feature included. The JSON API and the pages are two ways in to these same services,
 * so no rule exists twice.
 */
public record Services(
    Database db,
    Settings settings,
    UserStore users,
    Passwords passwords,
    Logins logins,
    Authentication authentication,
    ActivityLog activity,
    AuditTrail audit,
    CommunityStore communityStore,
    Access access,
    QuestionStore questionStore,
    NoteStore noteStore,
    AccountService accounts,
    CommunityService communities,
    NoteService notes,
    QuestionService questions,
    CycleService cycles,
    SessionService sessions,
    InvitationService invitations,
    ContributionService contributions,
    ActivityService activityFeed,
    PromptService prompts,
    Agenda agenda,
    CommunityOverview communityOverview,
    HomeService home,
    FacilitatorService facilitator,
    PasswordResets passwordResets,
    DataExport export,
    Erasure erasure,
    InstallationService installation,
    Rhythm rhythm,
    PromptDeliveries promptDeliveries,
    Mailer mailer,
    MailPreferences mailPreferences,
    CalendarFeeds calendarFeeds,
    NotificationService notifications,
    Scheduler scheduler,
    ReportService reports,
    Exports exports,
    ScanService scans,
    ScanResults scanResults,
    ApiTokens apiTokens,
    // since last time (issue 12.5): what a group found between two sessions
    SinceLastTime sinceLastTime,
    // Portfolio and manager (issue 12.1, 12.2)
    PortfolioService portfolio,
    ManagerService managers,
    // Learning snacks (#12.4) and search (#12.3)
    SnackService snacks,
    SearchService search) {

  /** {@code staticFiles}: every set of pages (mails and PDFs too) shares compiled templates, and so their helpers. */
  static Services create(Vertx vertx, Database db, Settings settings, MeterRegistry registry, StaticFiles staticFiles) {
    Pages withoutHeader = new Pages(vertx, caller -> Future.succeededFuture(0), settings.zone(), staticFiles, db.clock());
    Callers callers = new Callers(vertx, db.broadcasts(), db.clock());
    // Memberships and company roles change in multi-document writes; the callers kept must not outlive them.
    db.writes().afterChanging(UserStore.USERS, callers::changed);
    UserStore users = new UserStore(db, callers);
    Passwords passwords = new Passwords(vertx, settings.passwordIterations());
    Logins logins = new Logins(db, Duration.ofHours(settings.sessionHours()), callers);
    Authentication authentication = new Authentication(logins, users, callers,
        settings.publicUrl().startsWith("https:"));
    ActivityLog activity = new ActivityLog(db);
    CommunityStore communityStore = new CommunityStore(db);
    Access access = new Access(communityStore);
    QuestionStore questionStore = new QuestionStore(db);
    NoteStore noteStore = new NoteStore(db, questionStore, activity);
    PasswordPolicy policy = new PasswordPolicy(vertx);
    AuditTrail audit = new AuditTrail(db, users::byIds);
    AccountService accounts = new AccountService(users, passwords, policy, logins, audit,
        new LoginThrottle(db, settings.loginAttemptsPerWindow(), settings.loginAttemptsPerAddress(),
            Duration.ofMinutes(settings.loginWindowMinutes())));
    CommunityService communities = new CommunityService(db, communityStore, access, activity, audit,
        (id, goal, now) -> CycleStore.started(Cycle.first(id, goal, now)));
    PhotoStorage photos = new PhotoStorage(vertx, db, settings.maxPhotoBytes());
    NoteService notes = new NoteService(db, access, noteStore, questionStore, photos);
    SnackService snacks = new SnackService(db, access, questionStore, new SnackStore(db), photos);
    QuestionService questions = new QuestionService(db, access, questionStore, activity, new QuestionService.Linked() {
      @Override
      public Future<JsonArray> notes(List<String> ids, String readerId) {
        return noteStore.visibleViews(ids, readerId);
      }

      @Override
      public Future<JsonArray> contributions(List<String> ids) {
        return ContributionStore.views(db, ids);
      }

      @Override
      public Future<JsonObject> snacks(Membership m, String questionId) {
        return snacks.views(m, questionId).map(items -> new JsonObject().put("items", items)
            .put("kinds", SnackPages.kinds(SnackKind.TIP.value())));
      }
    });
    CycleStore cycleStore = new CycleStore(db);
    SessionStore sessionStore = new SessionStore(db);
    CycleService cycles = new CycleService(db, cycleStore, access, questionStore, sessionStore, noteStore,
        activity);
    SessionService sessions = new SessionService(db, sessionStore, access, questionStore, questions, activity,
        db.broadcasts(), settings.zone());
    InvitationService invitations = new InvitationService(db, access, communityStore, users, passwords, policy,
        activity, audit, settings.publicUrl());
    ContributionService contributions = new ContributionService(db, access, questionStore, activity);
    ActivityService activityFeed = new ActivityService(db, access, activity);
    PromptService prompts = new PromptService(db, new PromptStore(db), access, communityStore, noteStore, activity,
        settings.zone());
    Agenda agenda = new Agenda(questionStore, sessionStore, noteStore, cycleStore);
    // Since last time: each feature that holds findings gives a source.
    SinceLastTime sinceLastTime = new SinceLastTime(sessionStore, access, questionStore, List.of(
        new NoteFindings(noteStore), new ContributionFindings(db), SessionFindings.answers(questionStore),
        SessionFindings.agreements(sessionStore), new SnackFindings(new SnackStore(db))));
    Rhythm rhythm = new Rhythm(db, access, settings.zone());
    Mailer mailer = new Mailer(vertx, settings.mail(), registry);
    MailPreferences mailPreferences = new MailPreferences(db, users);
    QuestionSets questionSets = new QuestionSets(vertx);
    ScanService scans = new ScanService(db, access, communities, communityStore, questionSets, settings.publicUrl());
    ScanResults scanResults = new ScanResults(db, scans, questionSets, audit, settings.scanThreshold());
    ReportPdf pdf = new ReportPdf(vertx, withoutHeader);
    PortfolioService portfolio = new PortfolioService(db, users, communityStore, cycleStore, sessionStore, questionStore,
        noteStore, audit, pdf, settings.publicUrl());
    return new Services(db, settings, users, passwords, logins, authentication, activity, audit, communityStore, access,
        questionStore, noteStore, accounts, communities, notes, questions, cycles, sessions, invitations,
        contributions, activityFeed, prompts, agenda,
        new CommunityOverview(db, access, agenda, activityFeed),
        new HomeService(db, communities, prompts, agenda, settings.zone()),
        new FacilitatorService(db, access, communityStore, agenda, prompts, settings.zone(), sinceLastTime),
        new PasswordResets(db, users, passwords, policy, logins, audit, settings.publicUrl()),
        new DataExport(vertx, db, users, communityStore, audit, snacks),
        new Erasure(db, users, logins, activity, audit, snacks),
        new InstallationService(db, users, passwords, policy, invitations, audit, settings.dataDir().resolve("backups")),
        rhythm,
        new PromptDeliveries(db, access),
        mailer,
        mailPreferences,
        new CalendarFeeds(db, users, communityStore, access, settings.publicUrl()),
        new NotificationService(new Notifications(db)),
        scheduler(vertx, db, settings, registry, communityStore, agenda, rhythm, mailer, mailPreferences, withoutHeader),
        new ReportService(db, access, cycleStore, sessionStore, noteStore, questionStore, users::byIds, audit,
            scanResults::forReport,
            pdf),
        new Exports(db, access, sessionStore, noteStore, questionStore, users::byIds, audit, settings.zone()),
        scans,
        scanResults,
        new ApiTokens(vertx, db, users, callers, audit),
        sinceLastTime,
        portfolio,
        new ManagerService(db, users, communities, communityStore, invitations, portfolio, scans, audit),
        snacks,
        new SearchService(vertx, db, access, communityStore, noteStore, questionStore, cycleStore, sessionStore,
            new SnackStore(db),
            settings.dataDir().resolve("search")));
  }

  /** Every kind of job, each handled by its own feature. */
  private static Scheduler scheduler(Vertx vertx, Database db, Settings settings, MeterRegistry registry,
                                     CommunityStore communities, Agenda agenda, Rhythm rhythm, Mailer mailer,
                                     MailPreferences preferences, Pages pages) {
    String url = settings.publicUrl();
    SessionInvitations invitations = new SessionInvitations(db, communities, mailer.address());
    return new Scheduler(vertx, db, settings.schedulerPollMillis(), Duration.ofSeconds(settings.jobLeaseSeconds()),
        registry)
        .handle(new PromptJobs(db, communities, rhythm, url))
        .handle(new PromptReminders(db, communities, rhythm, url))
        .handle(new SessionReminders(db, communities, rhythm, url))
        .handle(new SessionChanges(db, communities, rhythm, url))
        .handle(new QuestionNews(db))
        .handle(new Digests(db, communities, agenda, url, settings.zone()))
        .handle(new MailJob(db, mailer, new MailTemplates(pages, url), preferences, new DeliveryLog(db),
            invitations::of, settings.mail()));
  }

  /** Plans the weekly digest (once, whichever process comes first) and starts looking for due jobs. */
  Future<Void> startJobs() {
    return db.writes().apply(Digests.next(db.clock().instant(), settings.zone())).compose(x -> scheduler.start());
  }

  Future<Void> stopJobs() {
    return scheduler.stop().compose(x -> apiTokens.close()).compose(x -> mailer.close()).compose(x -> search.stop());
  }

  /**
   * Opens the search index (#12.3) and starts building it again from the store where needed, which the server
   * does not wait for (minutes at a million notes); on a shared MongoDB other processes write too, so the index
   * is built again at every start there.
   */
  Future<Void> startSearch() {
    return search.start(!settings.embeddedStore());
  }
}
