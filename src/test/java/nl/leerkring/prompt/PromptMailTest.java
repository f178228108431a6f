package nl.leerkring.prompt;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import nl.leerkring.mail.MailKind;
import nl.leerkring.notification.Fanout;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Times;
import nl.leerkring.platform.jobs.DeliveryLog;
import nl.leerkring.platform.jobs.Jobs;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.Mails;
import nl.leerkring.support.MutableClock;
import nl.leerkring.support.Person;
import nl.leerkring.support.SharedStore;
import nl.leerkring.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prompts by mail through a real SMTP server (GreenMail). Sanne reads Dutch, Joost English; both gave an
 * address. Ruben the lecturer logs in with his address. The other technicians have none, and get the prompt
 * in the app only. Fenna, who sends the prompt, gets no copy.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Prompts and reminders by mail")
class PromptMailTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String SANNE = "sanne@vandijk.test";
  private static final String JOOST = "joost@vandijk.test";
  private static final String RUBEN = "r.mulder@hogeschool-oost.nl";

  private final List<TestServer> servers = new ArrayList<>();
  private SharedStore store;
  private MutableClock clock;

  @BeforeEach
  void start(Vertx vertx) {
    store = new SharedStore(vertx);
    clock = new MutableClock();
    clock.set(nextTuesdayAt(LocalTime.of(10, 0)));
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
    store.close();
  }

  static Instant nextTuesdayAt(LocalTime time) {
    return LocalDate.now(AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).atTime(time).atZone(AMSTERDAM).toInstant();
  }

  private TestServer server(Vertx vertx, JsonObject extra) {
    JsonObject config = new JsonObject()
        .put("smtpHost", "127.0.0.1")
        .put("smtpPort", extra.containsKey("smtpPort") ? extra.getInteger("smtpPort") : SMTP.getSmtp().getPort())
        .put("smtpStartTls", "DISABLED")
        .put("mailFrom", "Leerkring <leerkring@leerwerkplaats.test>")
        .mergeIn(extra);
    TestServer server = TestServer.start(vertx, TestServer.temporaryDataDir(), store.uri(), true, clock, config);
    servers.add(server);
    return server;
  }

  private static void giveAddresses(TestServer server) {
    server.demo("sanne").put("/me/mail-preferences", new JsonObject().put("email", SANNE)).expect(200);
    Person joost = server.demo("joost");
    joost.put("/me/mail-preferences", new JsonObject().put("email", JOOST)).expect(200);
    joost.patch("/me", new JsonObject().put("language", "en")).expect(200);
  }

  /** A send time this far ahead on the test's clock, which the test then moves there: nobody waits for it. */
  private String inMinutes(int minutes) {
    return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(minutes)), AMSTERDAM)
        .truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String prompt(Person fenna, String text, String sendAt) {
    return fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", text).put("sendAt", sendAt))
        .expect(201).json().getString("id");
  }

  /** Once the scheduler has run every job that is due, no more mails than these have arrived. */
  private void noMoreThan(int count) {
    settled();
    assertEquals(count, SMTP.getReceivedMessages().length, "a mail arrived twice, or one too many");
  }

  /**
   * Waits until no job is due or running on the test's clock. A mail is handed to the SMTP server before its
   * job finishes, so from then on every mail the due jobs send has arrived: a check for "no more" needs no
   * waiting for time to pass.
   */
  private void settled() {
    Eventually.await("the scheduler to run every due job", Duration.ofSeconds(30), () -> {
      JsonObject dueOrRunning = new JsonObject().put("$or", new JsonArray()
          .add(new JsonObject().put("dueAt", new JsonObject().put("$lte", Times.format(clock.instant()))))
          .add(new JsonObject().put("status", Jobs.CLAIMED)));
      return store.find(Jobs.JOBS, dueOrRunning).isEmpty() ? Boolean.TRUE : null;
    });
  }

  @Test
  @DisplayName("A prompt due in a few seconds reaches each member once, in their language, with a working answer link")
  void promptArrivesOncePerMember(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = prompt(fenna, "Wat heb je deze maand op het werk geleerd?", inMinutes(10));
    noMoreThan(0);

    clock.advance(Duration.ofMinutes(10));
    Mails.await(SMTP, 3);
    noMoreThan(3);
    MimeMessage toSanne = Mails.to(SMTP, SANNE);
    assertTrue(Mails.subject(toSanne).startsWith("Nieuwe reflectievraag – "), Mails.subject(toSanne));
    assertTrue(Mails.text(toSanne).contains("Wat heb je deze maand op het werk geleerd?"));
    assertTrue(Mails.part(toSanne, "text/html").orElseThrow().contains("Geef je antwoord"));
    MimeMessage toJoost = Mails.to(SMTP, JOOST);
    assertTrue(Mails.subject(toJoost).startsWith("New prompt – "), Mails.subject(toJoost));
    assertTrue(Mails.text(toJoost).contains("Give your answer"));
    assertEquals(1, Mails.countTo(SMTP, RUBEN));

    Person sanne = server.demo("sanne");
    String answerLink = Mails.linkPath(Mails.text(toSanne), "/prompts/");
    assertEquals("/prompts/" + id, answerLink);
    String page = sanne.page(answerLink).expect(200).body();
    assertTrue(page.contains("Wat heb je deze maand op het werk geleerd?") && page.contains("name=\"text\""));
    String preferences = Mails.linkPath(Mails.text(toSanne), "/settings/mail");
    assertTrue(sanne.page(preferences).expect(200).body().contains("Deze mail wil ik krijgen"));

    JsonObject deliveries = fenna.get("/prompts/" + id + "/deliveries").ok();
    assertEquals(8, count(deliveries, "inapp", "sent"), "every member but Fenna, in the app");
    assertEquals(3, count(deliveries, "email", "sent"));
    assertEquals(5, count(deliveries, "email", "skipped"), "the technicians without an address");
    JsonObject mine = sanne.get("/me/notifications").ok();
    assertTrue(mine.getInteger("unread") >= 1);
    assertEquals("Nieuwe reflectievraag van je begeleider: Wat heb je deze maand op het werk geleerd?",
        mine.getJsonArray("items").getJsonObject(0).getString("text"));
  }

  @Test
  @DisplayName("A process dies after handing Sanne's prompt mail to the SMTP server, before recording it: another "
      + "takes the job over within a minute and sends it again with the same Message-ID")
  void interruptedMailKeepsItsMessageId(Vertx vertx) throws Exception {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = prompt(fenna, "Wat heb je deze week gemeten?", inMinutes(10));
    clock.advance(Duration.ofMinutes(10));
    Mails.await(SMTP, 3);
    noMoreThan(3);
    String first = Mails.to(SMTP, SANNE).getMessageID();
    assertTrue(first.matches("<[0-9a-f]{32}@leerwerkplaats\\.test>"), first);
    assertEquals(3, List.of(SMTP.getReceivedMessages()).stream().map(PromptMailTest::messageId).distinct().count(),
        "one Message-ID per delivery");

    // The state a process leaves when it is killed between the hand-over and its record: the delivery marked
    // sending, the mail job claimed by it under a lease that has just begun.
    JsonObject delivery = store.find(DeliveryLog.DELIVERIES, new JsonObject().put("refId", id)
        .put("userId", "demo-sanne").put("channel", DeliveryLog.EMAIL)).get(0);
    String mailJob = delivery.getString("_id");
    store.upsert(DeliveryLog.DELIVERIES, mailJob, new JsonObject().put("status", "sending"));
    Step job = Fanout.mail(mailJob.substring(0, mailJob.indexOf('/')), id, "demo-sanne", MailKind.PROMPT, "prompt",
        new JsonArray().add("Warmtepomp in één keer goed inregelen"), new JsonObject().put("text", "Wat heb je deze week gemeten?"),
        null, clock.instant());
    store.upsert(Jobs.JOBS, mailJob, job.update().getJsonObject("$setOnInsert").copy()
        .put("status", Jobs.CLAIMED).put("claimedBy", "killed-process")
        .put("dueAt", Times.format(clock.instant().plusSeconds(30))));

    clock.advance(Duration.ofSeconds(31));
    Mails.await(SMTP, 4);
    noMoreThan(4);
    List<String> toSanne = List.of(SMTP.getReceivedMessages()).stream().filter(m -> SANNE.equals(Mails.recipient(m)))
        .map(PromptMailTest::messageId).toList();
    assertEquals(List.of(first, first), toSanne, "sent again, as the same message");
    JsonObject again = store.findOne(DeliveryLog.DELIVERIES, mailJob);
    assertEquals("sent", again.getString("status"));
    assertEquals("sent_again", again.getString("reason"));
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(JsonObject deliveries, String channel, String status) {
    return deliveries.getJsonArray("deliveries").stream().map(d -> (JsonObject) d)
        .filter(d -> channel.equals(d.getString("channel")) && status.equals(d.getString("status"))).count();
  }

  @Test
  @DisplayName("The server restarts before a prompt is due and is down when it falls due: it is sent once, at start-up")
  void restartBetweenSchedulingAndDueTime(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    String later = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(30)), AMSTERDAM)
        .truncatedTo(ChronoUnit.MINUTES).toString();
    String id = prompt(server.demo("fenna@leerwerkplaats.nl"), "Probeer deze week iets nieuws", later);
    server.restart(true, () -> { });
    noMoreThan(0);

    server.restart(true, () -> clock.advance(Duration.ofMinutes(45)));
    Mails.await(SMTP, 3);
    noMoreThan(3);
    assertEquals("sent", store.findOne(Jobs.FINISHED, "prompt:" + id + ":1").getString("result"));
    assertEquals(null, store.findOne(Jobs.JOBS, "prompt:" + id + ":1"), "finished jobs leave the pending collection");
  }

  @Test
  @DisplayName("Two server processes on one database send a due prompt once between them")
  void twoServersSendOnce(Vertx vertx) {
    TestServer first = server(vertx, new JsonObject());
    TestServer second = server(vertx, new JsonObject());
    giveAddresses(first);
    String id = prompt(second.demo("fenna@leerwerkplaats.nl"), "Deel een leersnack met je collega's", inMinutes(1));

    clock.advance(Duration.ofMinutes(1));
    Mails.await(SMTP, 3);
    noMoreThan(3);
    assertEquals(8, count(first.demo("fenna@leerwerkplaats.nl").get("/prompts/" + id + "/deliveries").ok(), "inapp", "sent"));
    assertEquals(1, notificationsOf(second.demo("kees"), id), "Kees is notified once");
  }

  private static long notificationsOf(Person person, String promptId) {
    return person.get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i)
        .filter(i -> i.getString("link").equals("/prompts/" + promptId)).count();
  }

  @Test
  @DisplayName("A prompt due at 20:00 waits for the end of the quiet hours, 07:00 the next morning")
  void quietHoursMoveTheDelivery(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    clock.set(nextTuesdayAt(LocalTime.of(19, 59, 58)));
    String sendAt = LocalDateTime.ofInstant(clock.instant(), AMSTERDAM).toLocalDate() + "T20:00:01";
    String id = prompt(fenna, "Wat helpt of hindert je bij het leren?", sendAt);
    clock.set(nextTuesdayAt(LocalTime.of(20, 0, 5)));
    noMoreThan(0);
    assertEquals(0, count(fenna.get("/prompts/" + id + "/deliveries").ok(), "inapp", "sent"), "nothing in the evening");
    clock.set(nextTuesdayAt(LocalTime.of(6, 50)).plus(Duration.ofDays(1)));
    noMoreThan(0);

    clock.set(nextTuesdayAt(LocalTime.of(7, 0)).plus(Duration.ofDays(1)));
    Mails.await(SMTP, 3);
    JsonObject delivery = fenna.get("/prompts/" + id + "/deliveries").ok().getJsonArray("deliveries").getJsonObject(0);
    LocalTime deliveredAt = Instant.parse(delivery.getString("at")).atZone(AMSTERDAM).toLocalTime();
    assertFalse(deliveredAt.isBefore(LocalTime.of(7, 0)), "delivered at " + deliveredAt);
  }

  @Test
  @DisplayName("Sanne turns prompt mails off: she gets none, but still hears by mail that a session is cancelled")
  void optOutStopsThatKind(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person sanne = server.demo("sanne");
    sanne.put("/me/mail-preferences", new JsonObject().put("kinds", new JsonObject().put("prompt", false))).expect(200);
    assertFalse(sanne.get("/me/mail-preferences").ok().getJsonObject("kinds").getBoolean("prompt"));
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = prompt(fenna, "Haal kennis van buiten naar binnen", inMinutes(1));

    clock.advance(Duration.ofMinutes(1));
    Mails.await(SMTP, 2);
    noMoreThan(2);
    assertEquals(0, Mails.countTo(SMTP, SANNE));
    JsonObject sannes = fenna.get("/prompts/" + id + "/deliveries").ok().getJsonArray("deliveries").stream()
        .map(d -> (JsonObject) d).filter(d -> "demo-sanne".equals(d.getString("userId")) && "email".equals(d.getString("channel")))
        .findFirst().orElseThrow();
    assertEquals("opted_out", sannes.getString("reason"));

    fenna.patch("/sessions/demo-s-2", new JsonObject().put("status", "cancelled")).expect(200);
    Mails.await(SMTP, 5);
    MimeMessage cancelled = Mails.to(SMTP, SANNE);
    assertTrue(Mails.subject(cancelled).startsWith("Bijeenkomst afgelast"), Mails.subject(cancelled));
    String ics = Mails.part(cancelled, "text/calendar").orElseThrow();
    assertTrue(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED") && ics.contains("UID:demo-s-2@leerkring"), ics);
    assertTrue(sanne.get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i)
        .anyMatch(i -> "sessionCancelled".equals(i.getString("kind"))));
  }

  @Test
  @DisplayName("Fenna invites a new colleague by e-mail; the mail carries the link to join")
  void invitationByMail(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    JsonObject invitation = server.demo("fenna@leerwerkplaats.nl").post(COMMUNITY + "/invitations", new JsonObject()
        .put("role", "participant").put("name", "Noor").put("email", "noor@vandijk.test").put("language", "en"))
        .expect(201).json();
    MimeMessage mail = Mails.await(SMTP, 1).get(0);
    assertEquals("noor@vandijk.test", Mails.recipient(mail));
    assertTrue(Mails.subject(mail).startsWith("Invitation to the learning community"));
    String join = Mails.linkPath(Mails.text(mail), "/join/");
    assertTrue(invitation.getString("url").endsWith(join));
    assertEquals(400, server.demo("fenna@leerwerkplaats.nl").post(COMMUNITY + "/invitations", new JsonObject()
        .put("role", "participant").put("email", "geen adres")).status());
  }

  @Test
  @DisplayName("On Monday morning Fenna gets a weekly digest for each community she facilitates")
  void weeklyDigest(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    fenna.post("/sessions/demo-s-2/agreements", new JsonObject().put("what", "Inregelrapport bijwerken")
        .put("ownerId", "demo-kees").put("due", LocalDate.ofInstant(clock.instant(), AMSTERDAM).toString())).expect(201);
    clock.set(LocalDate.ofInstant(clock.instant(), AMSTERDAM).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
        .atTime(8, 0).atZone(AMSTERDAM).toInstant());
    List<MimeMessage> digests = Mails.await(SMTP, 2);
    noMoreThan(2);
    assertTrue(digests.stream().allMatch(m -> Mails.recipient(m).equals("fenna@leerwerkplaats.nl")));
    MimeMessage warmtepomp = digests.stream().filter(m -> Mails.subject(m).contains("Warmtepomp")).findFirst().orElseThrow();
    String text = Mails.text(warmtepomp);
    assertTrue(text.contains("Inregelrapport bijwerken (Kees de Vries"), text);
    assertTrue(text.contains("Open vragen"), text);
    assertTrue(server.demo("kees").get("/me/notifications").ok().getJsonArray("items").stream().map(i -> (JsonObject) i)
        .anyMatch(i -> "Je hebt een afspraak op je genomen: Inregelrapport bijwerken".equals(i.getString("text"))));
  }

  @Test
  @DisplayName("When the mail server is down, a mail is tried again with growing pauses, then recorded as failed")
  void smtpFailureIsRetriedThenRecorded(Vertx vertx) {
    int closedPort = SMTP.getSmtp().getPort();
    SMTP.stop();
    TestServer server = server(vertx, new JsonObject().put("smtpPort", closedPort)
        .put("mailRetrySeconds", 60).put("mailMaxAttempts", 3));
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = prompt(fenna, "Welke bijdrage leverde jij aan nieuwe kennis?", inMinutes(1));
    clock.advance(Duration.ofMinutes(1));

    // The pauses grow: 60 s after the first try, 240 s after the second; the clock jumps over each.
    String jobId = "prompt:" + id + ":1/demo-sanne/email";
    awaitTries(jobId, 1);
    clock.advance(Duration.ofSeconds(60));
    awaitTries(jobId, 2);
    clock.advance(Duration.ofSeconds(240));
    JsonObject finished = awaitFinished(jobId);
    assertEquals("failed", finished.getString("result"));
    assertEquals(3, finished.getInteger("tries"));
    JsonObject sannes = fenna.get("/prompts/" + id + "/deliveries").ok().getJsonArray("deliveries").stream()
        .map(d -> (JsonObject) d).filter(d -> "demo-sanne".equals(d.getString("userId")) && "email".equals(d.getString("channel")))
        .findFirst().orElseThrow();
    assertEquals("failed", sannes.getString("status"));
    assertTrue(sannes.getString("reason") != null && !sannes.getString("reason").isBlank());
  }

  @Test
  @DisplayName("A weekly prompt comes twice; each time, only who has not answered gets one reminder, and no more")
  void weeklyPromptWithOneReminder(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat leerde je deze week?")
        .put("repeat", new JsonObject().put("every", "week").put("day", "wednesday").put("time", "09:00").put("times", 2)))
        .expect(201).json().getString("id");
    Mails.await(SMTP, 3);
    Person sanne = server.demo("sanne");
    sanne.post("/prompts/" + id + "/answers", new JsonObject().put("text", "Dat de stooklijn ertoe doet.")).expect(201);

    Instant tuesday = clock.instant();
    clock.set(nextTuesdayAt(LocalTime.of(9, 0)).plus(Duration.ofDays(1)));
    Mails.await(SMTP, 6);
    assertTrue(sanne.get("/me/prompts").expect(200).array().stream().map(p -> (JsonObject) p)
        .anyMatch(p -> (id + "-2").equals(p.getString("id"))), "the second time is a prompt of its own");

    clock.set(tuesday.plus(Duration.ofHours(48)));
    Mails.await(SMTP, 8);
    noMoreThan(8);
    assertEquals(2, Mails.countTo(SMTP, SANNE), "Sanne answered the first time: no reminder for it");

    clock.set(nextTuesdayAt(LocalTime.of(9, 0)).plus(Duration.ofDays(3)));
    Mails.await(SMTP, 11);
    assertEquals(3, Mails.countTo(SMTP, SANNE));
    assertTrue(Mails.subject(lastTo(SANNE)).startsWith("Herinnering: je antwoord op de reflectievraag"), Mails.subject(lastTo(SANNE)));
    clock.advance(Duration.ofDays(8));
    noMoreThan(11);
  }

  @Test
  @DisplayName("A prompt that follows each session comes again the morning after the next session")
  void promptAfterEachSession(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    String id = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", "Wat neem je mee uit de bijeenkomst?")
        .put("repeat", new JsonObject().put("every", "afterSession").put("daysAfter", 1).put("time", "09:00").put("times", 2)))
        .expect(201).json().getString("id");
    Mails.await(SMTP, 3);
    LocalDate thursday = LocalDate.ofInstant(clock.instant(), AMSTERDAM).plusDays(2);
    fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", thursday + "T14:00")).expect(201);
    noMoreThan(3);

    clock.set(thursday.plusDays(1).atTime(9, 0).atZone(AMSTERDAM).toInstant());
    JsonObject second = Eventually.await("the prompt after the session", Duration.ofSeconds(30), () -> server.demo("sanne")
        .get("/me/prompts").expect(200).array().stream().map(p -> (JsonObject) p).filter(p -> (id + "-2").equals(p.getString("id")))
        .findFirst().orElse(null));
    assertEquals(LocalTime.of(9, 0), Instant.parse(second.getString("sendAt")).atZone(AMSTERDAM).toLocalTime()
        .truncatedTo(ChronoUnit.MINUTES));
    Mails.await(SMTP, 9);
    assertEquals(2, java.util.Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> SANNE.equals(Mails.recipient(m)) && Mails.subject(m).startsWith("Nieuwe reflectievraag – ")).count());
  }

  private static MimeMessage lastTo(String address) {
    MimeMessage last = null;
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      if (address.equals(Mails.recipient(message))) {
        last = message;
      }
    }
    return last;
  }

  @Test
  @DisplayName("A session reminder goes out a day before with the event attached; one whose session ended while the server was down is skipped and recorded")
  void sessionReminders(Vertx vertx) {
    TestServer server = server(vertx, new JsonObject());
    giveAddresses(server);
    Person fenna = server.demo("fenna@leerwerkplaats.nl");
    LocalDate thursday = LocalDate.ofInstant(clock.instant(), AMSTERDAM).plusDays(2);
    String id = fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", thursday + "T14:00").put("place", "Werkplaats"))
        .expect(201).json().getString("id");
    JsonObject friday = fenna.post(COMMUNITY + "/sessions", new JsonObject().put("startsAt", thursday.plusDays(1) + "T10:00"))
        .expect(201).json();
    noMoreThan(0);

    clock.set(thursday.minusDays(1).atTime(14, 0).atZone(AMSTERDAM).toInstant());
    Mails.await(SMTP, 4);
    noMoreThan(4);
    MimeMessage reminder = Mails.to(SMTP, SANNE);
    assertTrue(Mails.subject(reminder).startsWith("Herinnering: bijeenkomst van"), Mails.subject(reminder));
    assertTrue(Mails.text(reminder).contains("Werkplaats"));
    String ics = Mails.part(reminder, "text/calendar").orElseThrow();
    assertTrue(ics.contains("METHOD:REQUEST") && ics.contains("UID:" + id + "@leerkring") && ics.contains("SEQUENCE:0"), ics);
    assertEquals(1, Mails.countTo(SMTP, "fenna@leerwerkplaats.nl"), "the facilitator is reminded too");

    server.restart(true, () -> clock.set(thursday.plusDays(2).atTime(12, 0).atZone(AMSTERDAM).toInstant()));
    String jobId = "sessionReminder:" + friday.getString("id") + ":" + friday.getString("startsAt");
    JsonObject skipped = Eventually.await("the late reminder to be recorded", Duration.ofSeconds(30),
        () -> store.findOne(Jobs.FINISHED, jobId));
    assertEquals("skipped", skipped.getString("result"));
    assertEquals("session_over", skipped.getString("reason"));
    noMoreThan(4);
  }

  /** Waits until the job has failed this many times and waits for its next try. */
  private void awaitTries(String jobId, int tries) {
    JsonObject job = Eventually.await("job " + jobId + " to fail " + tries + " times", Duration.ofSeconds(30), () -> {
      JsonObject found = store.findOne(Jobs.JOBS, jobId);
      return found != null && found.getInteger("tries", 0) >= tries && Jobs.PENDING.equals(found.getString("status"))
          ? found : null;
    });
    assertEquals(tries, job.getInteger("tries"));
  }

  private JsonObject awaitFinished(String jobId) {
    return Eventually.await("job " + jobId + " to be given up", Duration.ofSeconds(30),
        () -> store.findOne(Jobs.FINISHED, jobId));
  }

}
