package nl.leerkring;

import io.vertx.core.Vertx;
import nl.leerkring.account.AccountService;
import nl.leerkring.account.Authentication;
import nl.leerkring.account.LoginThrottle;
import nl.leerkring.account.Logins;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityService;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Settings;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.schedule.RhythmServices;

import java.time.Duration;

/**
 * The rules of every feature, built once. The JSON API and the pages are two ways in to these same
 * services, so no rule exists twice.
 */
public record Services(
    Database db,
    Settings settings,
    UserStore users,
    Passwords passwords,
    Logins logins,
    Authentication authentication,
    ActivityLog activity,
    CommunityStore communityStore,
    Access access,
    QuestionStore questionStore,
    NoteStore noteStore,
    AccountService accounts,
    CommunityService communities,
    RhythmServices rhythm) {

  static Services create(Vertx vertx, Database db, Settings settings) {
    UserStore users = new UserStore(db);
    Passwords passwords = new Passwords(vertx);
    Logins logins = new Logins(db, Duration.ofHours(settings.sessionHours()));
    Authentication authentication = new Authentication(logins, users, settings.publicUrl().startsWith("https:"));
    ActivityLog activity = new ActivityLog(db);
    CommunityStore communityStore = new CommunityStore(db);
    Access access = new Access(communityStore);
    QuestionStore questionStore = new QuestionStore(db);
    NoteStore noteStore = new NoteStore(db, questionStore, activity);
    AccountService accounts = new AccountService(users, passwords,
        new LoginThrottle(db, settings.loginAttemptsPerWindow(), Duration.ofMinutes(settings.loginWindowMinutes())));
    CommunityService communities = new CommunityService(db, communityStore, access, activity);
    RhythmServices rhythm = RhythmServices.create(vertx, db, settings, users, communityStore, questionStore, access);
    return new Services(db, settings, users, passwords, logins, authentication, activity, communityStore, access,
        questionStore, noteStore, accounts, communities, rhythm);
  }
}
