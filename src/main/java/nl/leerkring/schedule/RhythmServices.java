package nl.leerkring.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import nl.leerkring.account.UserStore;
import nl.leerkring.calendar.CalendarFeeds;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.mail.MailPreferences;
import nl.leerkring.mail.MailTemplates;
import nl.leerkring.mail.Mailer;
import nl.leerkring.notification.NotificationService;
import nl.leerkring.notification.Notifications;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.web.Pages;

/**
 * The facilitator's rhythm, built once: the scheduler with every kind of job, mail, the calendar links, the
 * community rhythm settings and in-app notifications.
 */
public record RhythmServices(
    Scheduler scheduler,
    Rhythm rhythm,
    Deliveries deliveries,
    Mailer mailer,
    MailPreferences mailPreferences,
    CalendarFeeds calendarFeeds,
    NotificationService notifications) {

  public static RhythmServices create(Vertx vertx, Database db, Settings settings, UserStore users,
                                      CommunityStore communities, QuestionStore questions, Access access,
                                      MeterRegistry registry) {
    String url = settings.publicUrl();
    Rhythm rhythm = new Rhythm(db, access);
    Deliveries deliveries = new Deliveries(db, access);
    Mailer mailer = new Mailer(vertx, settings.mail(), registry);
    MailPreferences preferences = new MailPreferences(db, users);
    MailTemplates templates = new MailTemplates(new Pages(vertx), url);
    Scheduler scheduler = new Scheduler(vertx, db, settings.schedulerPollMillis(), registry)
        .handle(new PromptJobs(db, communities, rhythm, url))
        .handle(new PromptReminders(db, communities, rhythm, url))
        .handle(new SessionReminders(db, communities, rhythm, url))
        .handle(new SessionChanges(db, communities, url))
        .handle(new QuestionNews(db))
        .handle(new Digests(db, questions, url))
        .handle(new MailJob(db, mailer, templates, preferences, deliveries, communities, settings.mail()));
    return new RhythmServices(scheduler, rhythm, deliveries, mailer, preferences,
        new CalendarFeeds(db, users, communities, access, url),
        new NotificationService(new Notifications(db)));
  }

  /** Plans the weekly digest (once, whichever process comes first) and starts looking for due jobs. */
  public Future<Void> start(Database db) {
    return db.writes().apply(Digests.next(db.clock().instant())).compose(x -> scheduler.start());
  }

  public Future<Void> stop() {
    return scheduler.stop().compose(x -> mailer.close());
  }
}
