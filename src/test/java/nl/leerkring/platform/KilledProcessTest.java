package nl.leerkring.platform;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.leerkring.support.Cluster;
import nl.leerkring.support.Eventually;
import nl.leerkring.support.HeldSmtpReply;
import nl.leerkring.support.Mails;
import nl.leerkring.support.Person;
import nl.leerkring.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server processes on one database, one of which dies the hard way (kill -9) or is restarted while the other
 * works: the database served by a process of its own, each server in its own JVM, mail through a real SMTP
 * server. A starts alone, so that it is A that holds the prompt's mails; B joins later.
 */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two server processes on one database, one of them killed")
// Runs beside the other test classes (it mostly waits on its processes); its own scenarios one by one.
@Execution(ExecutionMode.CONCURRENT)
class KilledProcessTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static final String COMMUNITY = "/communities/demo-warmtepomp";
  private static final String FENNA = "fenna@leerwerkplaats.nl";
  /** The technicians of the demo's community, who have no address yet; Ruben logs in with his. */
  private static final List<String> TECHNICIANS = List.of("sanne", "mehmet", "joost", "priya", "kees", "lotte", "bram");
  private static final String RUBEN = "r.mulder@hogeschool-oost.nl";
  private static final int NOTE_EDITORS = 4;
  private static final int STEERERS = 2;
  /** Changes each writer has acknowledged before A goes down, and again after A is back. */
  private static final int CHANGES_AROUND_RESTART = 5;
  private static final int LEASE_SECONDS = 6;

  @TempDir
  static Path directory;
  private static Cluster cluster;
  private static HeldSmtpReply relay;

  @BeforeAll
  static void start(Vertx vertx) {
    relay = HeldSmtpReply.start(SMTP.getSmtp().getPort(), 1);
    cluster = Cluster.start(vertx, directory, 1, Map.of(
        "LEERKRING_SMTP_HOST", "127.0.0.1",
        "LEERKRING_SMTP_PORT", String.valueOf(relay.port()),
        "LEERKRING_SMTP_STARTTLS", "DISABLED",
        "LEERKRING_MAIL_FROM", "Leerkring <leerkring@leerwerkplaats.test>",
        "LEERKRING_SCHEDULER_POLL_MILLIS", "300",
        // A dead process's jobs go to the others after the lease: 6 s here instead of the default 30 s.
        "LEERKRING_JOB_LEASE_SECONDS", String.valueOf(LEASE_SECONDS)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    relay.close();
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  @DisplayName("A scheduled prompt, with the sending process killed -9 halfway, reaches each member exactly once by "
      + "Message-ID within a minute")
  void promptSurvivesItsSenderKilled() throws Exception {
    Cluster.Server a = cluster.server(0);
    Set<String> addresses = new TreeSet<>(Set.of(RUBEN));
    for (String login : TECHNICIANS) {
      String address = login + "@vandijk.test";
      a.demo(login).put("/me/mail-preferences", new JsonObject().put("email", address)).expect(200);
      addresses.add(address);
    }
    Person fenna = a.demo(FENNA);
    // No quiet hours, whatever the time the test runs at.
    fenna.put(COMMUNITY + "/rhythm", new JsonObject().put("quietFrom", "00:00").put("quietUntil", "00:00"))
        .expect(200);
    String text = "Wat heb je vandaag bij de klant gemeten?";
    String promptId = fenna.post(COMMUNITY + "/prompts", new JsonObject().put("text", text)).expect(201).json()
        .getString("id");

    // A sends one mail, hands the next to the SMTP server, and waits for an acceptance that does not come.
    assertTrue(relay.awaitHeld(Duration.ofSeconds(60)), "A sent no second mail");
    Mails.await(SMTP, 2);
    a.process().kill();
    long killed = System.nanoTime();

    // B joins, on the same database, and sends straight to the SMTP server.
    Cluster.Server b = cluster.add(Map.of("LEERKRING_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort())));
    Person fennaOnB = b.demo(FENNA);
    // Once every delivery is recorded as sent, no job is left that could send the prompt again.
    Eventually.await("every prompt mail recorded as sent", Duration.ofSeconds(90),
        () -> sentMails(fennaOnB, promptId) == addresses.size() ? Boolean.TRUE : null);
    Duration took = Duration.ofNanos(System.nanoTime() - killed);

    List<MimeMessage> prompts = List.of(SMTP.getReceivedMessages()).stream()
        .filter(m -> Mails.text(m).contains(text)).toList();
    Map<String, Set<String>> messageIds = prompts.stream().collect(Collectors.groupingBy(Mails::recipient,
        TreeMap::new, Collectors.mapping(KilledProcessTest::messageId, Collectors.toSet())));
    System.out.printf("KilledProcessTest: every prompt mail sent %.1f s after A was killed%n", took.toMillis() / 1e3);
    assertEquals(addresses, messageIds.keySet(), "every member with an address got the prompt");
    messageIds.forEach((to, ids) -> assertEquals(1, ids.size(), () -> to + " got different messages: " + ids));
    assertEquals(addresses.size() + 1, prompts.size(),
        "only the mail A handed over before it died came twice, as the same message");
    assertTrue(took.compareTo(Duration.ofSeconds(LEASE_SECONDS + 30)) < 0,
        "B took " + took.toSeconds() + " s to finish A's job");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  @DisplayName("A restart of A while B writes replays nothing of B's and leaves every history exactly as acknowledged")
  void restartWhileAnotherWrites() throws Exception {
    Cluster.Server b = cluster.servers().size() > 1 ? cluster.server(1) : cluster.add(Map.of());
    Person fenna = b.demo(FENNA);
    String linked = raise(fenna, "Welke metingen leggen we vast bij elke oplevering?");
    List<Writer> writers = new ArrayList<>();
    for (int i = 0; i < NOTE_EDITORS; i++) {
      Person sanne = b.demo("sanne");
      String note = sanne.post(COMMUNITY + "/notes", new JsonObject().put("kind", "observation")
          .put("text", "Meting " + i)).expect(201).json().getString("id");
      writers.add(new NoteEditor(sanne, note, linked));
    }
    for (int i = 0; i < STEERERS; i++) {
      Person steerer = b.demo(FENNA);
      writers.add(new Steerer(steerer, raise(steerer, "Hoe vaak controleren we de druk, ronde " + i + "?")));
    }
    writers.forEach(Writer::start);
    Cluster.Server a;
    try {
      awaitChanges(writers, "every writer's first changes");
      // A was killed (by the test before, or here) and starts again while B's writes are under way.
      a = cluster.restart(0);
      awaitChanges(writers, "B's writers going on after A started");
    } finally {
      writers.forEach(Writer::stop);
    }

    List<String> unexpected = writers.stream().flatMap(w -> w.unexpected.stream()).toList();
    assertEquals(List.of(), unexpected, "answers other than 200 while A restarted");
    // Only an intent whose lease ran out may be finished by another process; B's writes take milliseconds.
    List<String> replayed = a.process().output().stream().filter(line -> line.contains("interrupted write")).toList();
    assertEquals(List.of(), replayed, "A, starting, finished writes that B was still making");
    Set<String> shouldLink = new TreeSet<>();
    for (Writer writer : writers) {
      writer.check();
      if (writer instanceof NoteEditor editor && editor.links(editor.lastChange)) {
        shouldLink.add(editor.id);
      }
    }
    Set<String> linkedNotes = new TreeSet<>();
    fenna.get("/questions/" + linked).ok().getJsonArray("notes")
        .forEach(n -> linkedNotes.add(((JsonObject) n).getString("id")));
    linkedNotes.retainAll(writers.stream().map(w -> w.id).toList());
    assertEquals(shouldLink, linkedNotes, "the question lists exactly the notes that link to it");
  }

  // ---------------------------------------------------------------------------------------------------------

  private static String raise(Person person, String text) {
    return person.post(COMMUNITY + "/questions", new JsonObject().put("text", text).put("category", "techniek"))
        .expect(201).json().getString("id");
  }

  private static long sentMails(Person facilitator, String promptId) {
    JsonArray deliveries = facilitator.get("/prompts/" + promptId + "/deliveries").ok().getJsonArray("deliveries");
    return deliveries.stream().map(d -> (JsonObject) d)
        .filter(d -> "email".equals(d.getString("channel")) && "sent".equals(d.getString("status"))).count();
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Until each writer has had this many more changes acknowledged, or one got an unexpected answer. */
  private static void awaitChanges(List<Writer> writers, String what) {
    int[] from = writers.stream().mapToInt(w -> w.acknowledged.get()).toArray();
    Eventually.await(what, Duration.ofSeconds(60), () -> {
      if (writers.stream().anyMatch(w -> !w.unexpected.isEmpty())) {
        return Boolean.TRUE;
      }
      for (int i = 0; i < writers.size(); i++) {
        if (writers.get(i).acknowledged.get() < from[i] + CHANGES_AROUND_RESTART) {
          return null;
        }
      }
      return Boolean.TRUE;
    });
  }

  /**
   * Someone on B changing one thing over and over, each change as soon as the last is answered; counts the
   * changes B acknowledged and remembers the last.
   */
  private abstract static class Writer implements Runnable {

    final Person person;
    final String id;
    final AtomicInteger acknowledged = new AtomicInteger();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    volatile int lastChange;
    private volatile boolean stopping;
    private Thread thread;

    Writer(Person person, String id) {
      this.person = person;
      this.id = id;
    }

    /** Makes change number {@code n}. */
    abstract Response change(int n);

    /** Fails unless what is stored holds every acknowledged change once and the last one's values. */
    abstract void check();

    void start() {
      thread = new Thread(this, "writer-" + id);
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      stopping = true;
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      for (int n = 1; !stopping && unexpected.isEmpty(); n++) {
        try {
          Response answer = change(n);
          if (answer.status() == 200) {
            lastChange = n;
            acknowledged.incrementAndGet();
          } else {
            unexpected.add(id + " change " + n + ": " + answer.status() + " " + answer.body());
          }
        } catch (RuntimeException e) {
          unexpected.add(id + " change " + n + ": " + e);
        }
      }
    }
  }

  /** Sanne edits her note, linking it to the question and unlinking it again: two documents each time. */
  private static final class NoteEditor extends Writer {

    private final String question;

    NoteEditor(Person person, String id, String question) {
      super(person, id);
      this.question = question;
    }

    boolean links(int n) {
      return n % 2 == 1;
    }

    @Override
    Response change(int n) {
      return person.patch("/notes/" + id, new JsonObject().put("text", "Meting, bewerking " + n)
          .put("questionIds", links(n) ? new JsonArray().add(question) : new JsonArray()));
    }

    @Override
    void check() {
      JsonObject note = person.get("/notes/" + id).ok();
      assertEquals(acknowledged.get(), note.getJsonArray("edits").size(), "edit history of note " + id);
      assertEquals("Meting, bewerking " + lastChange, note.getString("text"));
      assertEquals(links(lastChange), note.getJsonArray("questionIds").contains(question), "link of note " + id);
    }
  }

  /** Fenna moves a question between open and under investigation: its status history and the activity. */
  private static final class Steerer extends Writer {

    Steerer(Person person, String id) {
      super(person, id);
    }

    private static String status(int n) {
      return n % 2 == 1 ? "investigating" : "open";
    }

    @Override
    Response change(int n) {
      return person.patch("/questions/" + id, new JsonObject().put("status", status(n)));
    }

    @Override
    void check() {
      JsonObject question = person.get("/questions/" + id).ok();
      // Raising it was the first entry.
      assertEquals(1 + acknowledged.get(), question.getJsonArray("history").size(), "status history of question " + id);
      assertEquals(status(lastChange), question.getString("status"));
    }
  }
}
