package nl.leerkring.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import nl.leerkring.account.Passwords;
import nl.leerkring.account.UserStore;
import nl.leerkring.activity.ActivityLog;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Role;
import nl.leerkring.cycle.Cycle;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.EmbeddedStore;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Settings;
import nl.leerkring.platform.Times;
import nl.leerkring.question.Priority;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStatus;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Read and write latency at small and at large volume, over HTTP against a real server on the embedded store.
 *
 * <p>Loads a SMALL data set straight into the store (documents of exactly the shapes the application writes),
 * starts the server on it, logs in a handful of members and measures
 * {@code GET /communities/{id}/activity?limit=20}, {@code GET /communities/{id}/questions}, the community page
 * and a note written through the API, for communities picked at random among those the caller is a member of. Then stops the server, grows the same store to the
 * LARGE volume, starts the server again and measures the same calls. The target is that the large-volume
 * latency stays within 1.3 times the small-volume latency: every hot read goes by _id, so the size of the
 * store should not matter.
 *
 * <p>Not a test: run with {@code mvn -q -Pbench test-compile exec:java}. System properties (all optional):
 * <ul>
 *   <li>{@code bench.communities} (1000) and {@code bench.notes} (100000): the LARGE totals;</li>
 *   <li>{@code bench.smallCommunities} (10) and {@code bench.smallNotes} (1000): the SMALL volume;</li>
 *   <li>{@code bench.questions} (10): questions per community;</li>
 *   <li>{@code bench.members} (10): members per community; {@code bench.communitiesPerUser} (5): on average;</li>
 *   <li>{@code bench.logins} (40): members logged in and measured as, chosen at random;</li>
 *   <li>{@code bench.requests} (3000) measured and {@code bench.warmup} (3000) warm-up requests per call;</li>
 *   <li>{@code bench.concurrency} (1): requests in flight at once;</li>
 *   <li>{@code bench.seed} (42); {@code bench.keep} (false): keep the data directory afterwards;</li>
 *   <li>{@code bench.newestOnly} (false): measure only the communities of each load, e.g. one community of
 *       1,000 notes against one of 100,000 ({@code -Dbench.smallCommunities=1 -Dbench.smallNotes=1000
 *       -Dbench.communities=2 -Dbench.notes=101000});</li>
 * </ul>
 * The server reads its page cache size as it always does, so {@code LEERKRING_STORE_CACHE_MB=16} measures
 * with H2's own default.
 */
public final class ReadBenchmark {

  private static final String PASSWORD = "bench-wachtwoord-2026";
  private static final int BATCH = 1000;
  private static final double TARGET_RATIO = 1.3;
  private static final String DATABASE = "leerkring"; // Settings default, and config/leerkring.json

  private static final String[] WORDS = ("de het een warmtepomp klant installatie monteur radiator stooklijn "
      + "aanvoertemperatuur buffervat oplevering storing meting checklist woning verbruik pendelt nacht dag "
      + "gesprek uitleg vraag antwoord werkwijze collega servicedienst handleiding tabel foto bus week stap "
      + "lager hoger warm koud langer korter zuinig instelling proberen gezien geleerd gemerkt besproken "
      + "en of maar want dus omdat toen daarna eerst vaak soms nooit altijd bij met zonder voor na in op").split(" ");
  // Most questions stay open; the rest moved on.
  private static final QuestionStatus[] STATUSES = {QuestionStatus.OPEN, QuestionStatus.OPEN, QuestionStatus.OPEN,
      QuestionStatus.INVESTIGATING, QuestionStatus.ANSWERED, QuestionStatus.PARKED};
  private static final String[] CATEGORIES = {"techniek", "klant", "werkwijze", "veiligheid"};

  private final Config config;
  private final Vertx vertx;
  private final Path dataDir;
  private final Random random;
  private final Instant epoch = Instant.now().minus(Duration.ofDays(200));
  private String passwordHash;

  /** Everyone loaded so far, with the communities each is a member of. */
  private final List<BenchUser> users = new ArrayList<>();
  private int organisations;

  /** Loading goes straight into the store file, through the driver, with no server in between. */
  private EmbeddedStore openStoreForLoading() {
    return EmbeddedStore.start(dataDir, EmbeddedStore.defaultCacheMb());
  }

  private ReadBenchmark(Config config, Vertx vertx, Path dataDir) {
    this.config = config;
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.random = new Random(config.seed);
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.fromSystemProperties();
    Vertx vertx = Vertx.vertx();
    // Not a test run's directory: those are deleted when the JVM ends, bench.keep or not.
    Path dir = Files.createTempDirectory("leerkring-bench");
    long started = System.nanoTime();
    try {
      new ReadBenchmark(config, vertx, dir).run();
    } finally {
      vertx.close().await();
      if (!config.keep) {
        deleteRecursively(dir);
      } else {
        System.out.println("Data kept in " + dir);
      }
      System.out.printf(Locale.ROOT, "Total run time: %.1f s%n", seconds(System.nanoTime() - started));
    }
  }

  private void run() {
    System.out.printf(Locale.ROOT, "ReadBenchmark: data dir %s, %d cores, max heap %d MB%n", dataDir,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    long t = System.nanoTime();
    passwordHash = new Passwords(vertx, Settings.PASSWORD_ITERATIONS).hash(PASSWORD).await();
    System.out.printf(Locale.ROOT, "One PBKDF2 hash: %.0f ms (shared by every loaded user)%n", millis(System.nanoTime() - t));

    Load smallLoad = load("SMALL", 0, config.smallCommunities, config.smallNotes);
    Phase small = measure("SMALL", smallLoad);
    Load largeLoad = load("LARGE", config.smallCommunities, config.communities,
        config.notes - config.smallNotes);
    Phase large = measure("LARGE", largeLoad);
    report(small, large);
  }

  // ---------------------------------------------------------------------------------------------- loading

  private record BenchUser(String id, String login, String name, List<String> communityIds) {
  }

  private record Load(int communitiesTotal, long notesTotal, long questionsTotal, int usersTotal,
                      long activityEntriesTotal, long documentsWritten, double seconds, double notesSeconds,
                      long fileBytes, Map<String, Long> counts) {
  }

  private final java.util.Set<String> newestCommunities = new java.util.HashSet<>();
  private long totalNotes;
  private long totalQuestions;
  private long totalEntries;

  /** Adds communities [from, to) with {@code notes} notes between them, straight into the store. */
  private Load load(String label, int from, int to, long notes) {
    int communities = to - from;
    System.out.printf(Locale.ROOT, "%n== Loading %s: +%d communities, +%d notes, +%d questions ==%n", label,
        communities, notes, (long) communities * config.questions);
    long started = System.nanoTime();
    newestCommunities.clear();
    EmbeddedStore store = openStoreForLoading();
    MongoClient mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", store.connectionString())
        .put("db_name", DATABASE));
    Loader loader = new Loader(mongo);
    try {
      // The people of this step: about communitiesPerUser communities each.
      int newUsers = Math.max(config.members, (int) Math.ceil((double) communities * config.members / config.communitiesPerUser));
      List<BenchUser> pool = new ArrayList<>(newUsers);
      for (int i = 0; i < newUsers; i++) {
        int n = users.size() + 1;
        pool.add(new BenchUser(Ids.newId(), "bench" + n, "Medewerker " + n, new ArrayList<>()));
        users.add(pool.get(i));
      }
      Map<String, List<String>> journals = new HashMap<>();
      Map<String, String> userOrganisation = new HashMap<>();
      String organisationId = null;
      long notesLeft = notes;
      for (int c = 0; c < communities; c++) {
        if ((from + c) % 10 == 0 || organisationId == null) {
          organisationId = Ids.newId();
          organisations++;
          loader.add("organisations", new JsonObject().put("_id", organisationId)
              .put("name", "Bedrijf " + organisations).put("kind", "company"));
        }
        long notesHere = notesLeft / (communities - c);
        notesLeft -= notesHere;
        community(loader, from + c, organisationId, pool, (int) notesHere, journals, userOrganisation);
      }
      for (BenchUser u : pool) {
        JsonObject user = UserStore.newUser(u.id(), u.login(), u.name(), passwordHash, "nl",
            userOrganisation.getOrDefault(u.id(), organisationId), at(-1, 0));
        user.put("communityIds", new JsonArray(new ArrayList<>(u.communityIds())));
        loader.add(UserStore.USERS, user);
      }
      journals.forEach((userId, ids) -> loader.addList(IdLists.key(userId, "journal"), ids));
      loader.flushAll();
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String collection : List.of("users", "organisations", "communities", "cycles", "questions", "notes",
          "idlists", "activityCounters", "activity")) {
        counts.put(collection, mongo.count(collection, new JsonObject()).await());
      }
      mongo.close().await();
      store.close();
      double seconds = seconds(System.nanoTime() - started);
      long bytes = fileSize();
      Load load = new Load(to, totalNotes, totalQuestions, users.size(), totalEntries, loader.written, seconds,
          loader.notesSeconds, bytes, counts);
      System.out.printf(Locale.ROOT, "Loaded %d documents in %.1f s (notes: %d in %.1f s of insert time, %.0f notes/s); "
              + "store now %s; data file %.1f MB%n", loader.written, seconds, notes, loader.notesSeconds,
          notes / Math.max(loader.notesSeconds, 1e-9), counts, bytes / 1e6);
      if (counts.get("notes") != totalNotes || counts.get("communities") != to) {
        throw new IllegalStateException("The store does not hold what was loaded: " + counts);
      }
      return load;
    } catch (RuntimeException e) {
      mongo.close();
      store.close();
      throw e;
    }
  }

  /** One community with its members, cycle, questions, notes, id lists and activity, as the app writes them. */
  private void community(Loader loader, int number, String organisationId, List<BenchUser> pool, int notes,
                         Map<String, List<String>> journals, Map<String, String> userOrganisation) {
    String id = Ids.newId();
    newestCommunities.add(id);
    int day = -180 + random.nextInt(60);
    int minute = 0;
    List<BenchUser> members = pick(pool, config.members);
    Map<String, String> roles = new HashMap<>();
    List<Community.Member> memberList = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      BenchUser u = members.get(i);
      Role role = i == 0 ? Role.FACILITATOR : i == 1 ? Role.LECTURER : Role.PARTICIPANT;
      roles.put(u.id(), role.value());
      u.communityIds().add(id);
      userOrganisation.putIfAbsent(u.id(), organisationId);
      memberList.add(new Community.Member(u.id(), u.name(), role, Instant.parse(at(day, ++minute))));
    }
    BenchUser facilitator = members.get(0);
    String title = "Uitdaging " + (number + 1) + ": " + sentence(4, 8);
    Community community = new Community(id, organisationId, new Community.Challenge(title, sentence(20, 40),
        sentence(10, 25), sentence(10, 25)), memberList, 1, facilitator.id(), Instant.parse(at(day, 0)));
    loader.add(CommunityStore.COMMUNITIES, CommunityStore.toDocument(community));
    loader.add(CycleStore.CYCLES, CycleStore.toDocument(Cycle.first(id, "Verkennen van het vraagstuk",
        Instant.parse(at(day, 0)))));
    loader.organisationCommunity(organisationId, id);

    Activity activity = new Activity(loader, id);
    activity.add("community.started", facilitator, new JsonObject().put("title", title), at(day, 0));
    for (int i = 0; i < members.size(); i++) {
      activity.add("member.joined", members.get(i), new JsonObject().put("role", roles.get(members.get(i).id())),
          at(day, i + 1));
    }

    // Questions and notes interleaved over time; a note only points to questions already raised.
    int questions = config.questions;
    List<Boolean> events = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      events.add(true);
    }
    for (int i = 0; i < notes; i++) {
      events.add(false);
    }
    java.util.Collections.shuffle(events, random);
    List<JsonObject> raised = new ArrayList<>();
    List<String> noteIds = new ArrayList<>();
    Map<String, List<String>> questionNotes = new HashMap<>();
    for (boolean isQuestion : events) {
      minute += 17 + random.nextInt(600);
      String now = at(day, minute);
      BenchUser who = members.get(random.nextInt(members.size()));
      if (isQuestion) {
        JsonObject q = question(id, who, now);
        raised.add(q);
        activity.add("question.raised", who, new JsonObject().put("questionId", q.getString("_id"))
            .put("text", q.getString("text")), now);
      } else {
        String noteId = Ids.newId();
        List<String> answers = List.of();
        if (!raised.isEmpty() && random.nextInt(3) == 0) {
          JsonObject q = raised.get(random.nextInt(raised.size()));
          answers = List.of(q.getString("_id"));
          questionNotes.computeIfAbsent(q.getString("_id"), k -> new ArrayList<>()).add(noteId);
        }
        Note note = note(noteId, id, who, answers, Instant.parse(now));
        // As the forms write them: with the client key of the form that sent the note, and now and then as the
        // answer to a prompt. (Without any, the embedded store's unique indexes on both are empty, and it reads
        // every note when it opens to fill them: minutes and more heap than the release has at a million notes.)
        JsonObject document = NoteStore.toDocument(note).put(ClientKeys.FIELD, ClientKeys.of(who.id(), noteId));
        if (noteIds.isEmpty()) {
          document.put("answerOf", "bench-prompt-" + id + " " + who.id());
        }
        loader.add(NoteStore.NOTES, document);
        noteIds.add(noteId);
        journals.computeIfAbsent(who.id(), k -> new ArrayList<>()).add(noteId);
        if (note.visibility() == Visibility.COMMUNITY) {
          activity.add("note.written", who, new JsonObject().put("noteId", noteId)
              .put("kind", note.kind().value()), now);
        }
      }
    }
    for (JsonObject raisedDocument : raised) {
      Question q = QuestionStore.fromDocument(raisedDocument);
      // A few questions moved on, as the facilitator does in a session.
      QuestionStatus status = STATUSES[random.nextInt(STATUSES.length)];
      List<Question.StatusChange> history = new ArrayList<>(q.history());
      if (status != QuestionStatus.OPEN) {
        history.add(new Question.StatusChange(status, facilitator.id(), facilitator.name(),
            Instant.parse(at(day, minute + 1)), 1));
      }
      String answer = status == QuestionStatus.ANSWERED ? sentence(10, 30) : null;
      List<String> votes = pick(members, random.nextInt(4)).stream().map(BenchUser::id).toList();
      List<String> owners = random.nextBoolean()
          ? List.of(members.get(random.nextInt(members.size())).id()) : List.of();
      loader.add(QuestionStore.QUESTIONS, QuestionStore.toDocument(new Question(q.id(), q.communityId(), q.text(),
          q.category(), q.priority(), status, q.forLecturer(), answer, q.raisedBy(), q.raisedByName(),
          q.raisedInCycle(), history, owners, votes, q.contributionIds(), q.createdAt())));
      loader.addList(QuestionStore.notesKey(q.id()), questionNotes.getOrDefault(q.id(), List.of()));
    }
    loader.addList(IdLists.key(id, "questions"), raised.stream().map(q -> q.getString("_id")).toList());
    loader.addList(IdLists.key(id, "notes"), noteIds);
    activity.finish();
    totalQuestions += raised.size();
    totalNotes += noteIds.size();
  }

  /** A stored document, so that the notes that follow can link to it before it is written. */
  private JsonObject question(String communityId, BenchUser who, String now) {
    return QuestionStore.toDocument(Question.raised(Ids.newId(), communityId, sentence(6, 18) + "?",
        CATEGORIES[random.nextInt(CATEGORIES.length)], Priority.values()[random.nextInt(Priority.values().length)],
        random.nextInt(4) == 0, who.id(), who.name(), 1, Instant.parse(now)));
  }

  private Note note(String id, String communityId, BenchUser who, List<String> questionIds, Instant now) {
    NoteKind kind = NoteKind.values()[random.nextInt(NoteKind.values().length)];
    String text = sentence(10, 90);
    Visibility visibility = random.nextInt(10) == 0 ? Visibility.PRIVATE : Visibility.COMMUNITY;
    boolean experiment = kind == NoteKind.EXPERIMENT;
    return new Note(id, communityId, 1, who.id(), who.name(), kind, text, experiment ? sentence(5, 20) : null,
        experiment ? sentence(5, 20) : null, visibility, questionIds, List.of(), null, null, now, null);
  }

  /** A community's activity: the counter and its buckets, as ActivityLog writes them, numbered from 1. */
  private final class Activity {
    private final Loader loader;
    private final String communityId;
    private final Map<String, JsonArray> buckets = new LinkedHashMap<>();
    private long seq;

    Activity(Loader loader, String communityId) {
      this.loader = loader;
      this.communityId = communityId;
    }

    void add(String type, BenchUser actor, JsonObject about, String at) {
      seq++;
      buckets.computeIfAbsent(ActivityLog.bucketOf(communityId, seq), b -> new JsonArray())
          .add(ActivityLog.entry(seq, at, type, actor.id(), actor.name(), about));
    }

    void finish() {
      loader.add(ActivityLog.COUNTERS, ActivityLog.counter(communityId, seq));
      buckets.forEach((bucket, entries) -> loader.add(ActivityLog.BUCKETS, ActivityLog.bucket(bucket, entries)));
      totalEntries += seq;
    }
  }

  /** Bulk inserts in batches, one buffer per collection. */
  private final class Loader {
    private final MongoClient mongo;
    private final Map<String, List<JsonObject>> buffers = new LinkedHashMap<>();
    private final Map<String, List<String>> organisationCommunities = new LinkedHashMap<>();
    long written;
    double notesSeconds;

    Loader(MongoClient mongo) {
      this.mongo = mongo;
    }

    void addList(String key, List<String> ids) {
      IdLists.documents(key, ids).forEach(document -> add("idlists", document));
    }

    void add(String collection, JsonObject document) {
      List<JsonObject> buffer = buffers.computeIfAbsent(collection, k -> new ArrayList<>());
      buffer.add(document);
      if (buffer.size() >= BATCH) {
        flush(collection);
      }
    }

    void organisationCommunity(String organisationId, String communityId) {
      organisationCommunities.computeIfAbsent(organisationId, k -> new ArrayList<>()).add(communityId);
    }

    void flush(String collection) {
      List<JsonObject> buffer = buffers.get(collection);
      if (buffer == null || buffer.isEmpty()) {
        return;
      }
      List<BulkOperation> operations = buffer.stream().map(BulkOperation::createInsert).toList();
      long t = System.nanoTime();
      mongo.bulkWriteWithOptions(collection, operations, new BulkWriteOptions(false)).await();
      if ("notes".equals(collection)) {
        notesSeconds += seconds(System.nanoTime() - t);
      }
      written += buffer.size();
      buffer.clear();
    }

    void flushAll() {
      organisationCommunities.forEach((org, ids) -> addList(CommunityStore.organisationList(org), ids));
      organisationCommunities.clear();
      new ArrayList<>(buffers.keySet()).forEach(this::flush);
    }
  }

  private List<BenchUser> pick(List<BenchUser> from, int count) {
    List<BenchUser> copy = new ArrayList<>(from);
    java.util.Collections.shuffle(copy, random);
    return new ArrayList<>(copy.subList(0, Math.min(count, copy.size())));
  }

  private String sentence(int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
    }
    return out.toString();
  }

  private String at(int day, int minute) {
    return Times.format(epoch.plus(Duration.ofDays(day + 200L)).plus(Duration.ofMinutes(minute)));
  }

  private long fileSize() {
    try {
      return Files.size(dataDir.resolve("leerkring.mv.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // -------------------------------------------------------------------------------------------- measuring

  private record Target(Login login, String userId, String communityId) {
  }

  private record Stats(String call, int n, double p50, double p90, double p99, double max, double mean,
                       double throughput, double itemsPerResponse) {
  }

  private record Phase(String label, Load load, List<Stats> stats, double loginSeconds, int loggedIn,
                       int communitiesMeasured, long fileBytesAfter) {
  }

  private static final String ACTIVITY = "GET /communities/{id}/activity?limit=20";
  private static final String QUESTIONS = "GET /communities/{id}/questions";
  private static final String COMMUNITY_PAGE = "GET /c/{id} (the community page)";
  private static final String NOTE_WRITE = "POST /communities/{id}/notes";
  private static final List<String> CALLS = List.of(ACTIVITY, QUESTIONS, COMMUNITY_PAGE, NOTE_WRITE);

  private Phase measure(String label, Load load) {
    System.out.printf(Locale.ROOT, "%n== Measuring %s: %d communities, %d notes, %d questions ==%n", label,
        load.communitiesTotal(), load.notesTotal(), load.questionsTotal());
    long startup = System.nanoTime();
    TestServer server = TestServer.start(vertx, dataDir, false);
    System.out.printf(Locale.ROOT, "Server up on port %d in %.1f s%n", server.port(), seconds(System.nanoTime() - startup));
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(Math.max(2, config.concurrency)));
    try {
      // Members chosen at random among everyone loaded so far, each logged in once.
      List<BenchUser> candidates = new ArrayList<>(users.stream().filter(u -> u.communityIds().stream()
          .anyMatch(this::measured)).toList());
      java.util.Collections.shuffle(candidates, random);
      List<BenchUser> chosen = candidates.subList(0, Math.min(config.logins, candidates.size()));
      long t = System.nanoTime();
      List<Future<Login>> logins = new ArrayList<>();
      for (BenchUser u : chosen) {
        logins.add(login(client, u));
      }
      Future.all(logins).await();
      double loginSeconds = seconds(System.nanoTime() - t);
      List<Target> targets = new ArrayList<>();
      for (int i = 0; i < chosen.size(); i++) {
        for (String communityId : chosen.get(i).communityIds().stream().filter(this::measured).toList()) {
          targets.add(new Target(logins.get(i).result(), chosen.get(i).id(), communityId));
        }
      }
      int distinct = (int) targets.stream().map(Target::communityId).distinct().count();
      System.out.printf(Locale.ROOT, "Logged in %d members in %.1f s; %d (member, community) pairs over %d communities%n",
          chosen.size(), loginSeconds, targets.size(), distinct);

      // Warm-up: the calls mixed, so the JIT has seen each before any is timed.
      run(client, targets, null, config.warmup * CALLS.size(), Math.max(1, config.concurrency));
      List<Stats> stats = new ArrayList<>();
      for (String call : CALLS) {
        System.gc();
        stats.add(run(client, targets, call, config.requests, config.concurrency));
      }
      stats.forEach(s -> System.out.printf(Locale.ROOT, "  %-42s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
              + "  (%d requests, %.0f req/s, %.1f items per response)%n", s.call(), s.p50(), s.p90(), s.p99(),
          s.max(), s.n(), s.throughput(), s.itemsPerResponse()));
      client.close();
      server.close();
      return new Phase(label, load, stats, loginSeconds, chosen.size(), distinct, fileSize());
    } catch (RuntimeException e) {
      client.close();
      server.close();
      throw e;
    }
  }

  /** A member's login: the cookie to read with, and the CSRF token a write needs besides. */
  private record Login(String secret, String csrfToken) {
  }

  /** With bench.newestOnly, only the communities of the latest load: one community's growth, measured alone. */
  private boolean measured(String communityId) {
    return !config.newestOnly || newestCommunities.contains(communityId);
  }

  private Future<Login> login(WebClient client, BenchUser user) {
    return client.post("/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("login", user.login()).put("password", PASSWORD))
        .map(response -> {
          if (response.statusCode() != 200) {
            throw new IllegalStateException("Login of " + user.login() + " failed: " + response.statusCode() + " "
                + response.bodyAsString());
          }
          String secret = response.cookies().stream()
              .filter(c -> c.startsWith("lk_session="))
              .map(c -> c.substring("lk_session=".length()).split(";", 2)[0])
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("No session cookie in " + response.cookies()));
          return new Login(secret, response.bodyAsJsonObject().getString("csrfToken"));
        });
  }

  /** Runs n requests, at most {@code concurrency} at once; call null takes the calls in turn (warm-up, not kept). */
  private Stats run(WebClient client, List<Target> targets, String call, int n, int concurrency) {
    int[] picks = new int[n];
    for (int i = 0; i < n; i++) {
      picks[i] = random.nextInt(targets.size());
    }
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong items = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    Promise<Void> finished = Promise.promise();
    long started = System.nanoTime();
    Runnable[] fire = new Runnable[1];
    fire[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= n) {
        return;
      }
      Target target = targets.get(picks[i]);
      String which = call != null ? call : CALLS.get(i % CALLS.size());
      String uri = switch (which) {
        case ACTIVITY -> "/api/v1/communities/" + target.communityId() + "/activity?limit=20";
        case QUESTIONS -> "/api/v1/communities/" + target.communityId() + "/questions";
        case NOTE_WRITE -> "/api/v1/communities/" + target.communityId() + "/notes";
        default -> "/c/" + target.communityId();
      };
      long t0 = System.nanoTime();
      Future<HttpResponse<Buffer>> sent = NOTE_WRITE.equals(which)
          ? client.post(uri).putHeader("Cookie", "lk_session=" + target.login().secret())
              .putHeader("X-CSRF-Token", target.login().csrfToken())
              .sendJsonObject(new JsonObject().put("kind", "observation").put("text", sentence(10, 60)))
          : client.get(uri).putHeader("Cookie", "lk_session=" + target.login().secret()).send();
      sent.onComplete(ar -> {
        latencies[i] = System.nanoTime() - t0;
        if (ar.failed()) {
          failure.compareAndSet(null, uri + ": " + ar.cause());
        } else {
          HttpResponse<Buffer> response = ar.result();
          if (response.statusCode() != (NOTE_WRITE.equals(which) ? 201 : 200)) {
            failure.compareAndSet(null, uri + ": " + response.statusCode() + " " + response.bodyAsString());
          } else {
            if (NOTE_WRITE.equals(which)) {
              written.incrementAndGet();
            }
            items.addAndGet(switch (which) {
              case ACTIVITY -> response.bodyAsJsonObject().getJsonArray("items").size();
              case QUESTIONS -> response.bodyAsJsonArray().size();
              default -> 1;
            });
          }
        }
        if (done.incrementAndGet() == n) {
          finished.tryComplete();
        } else {
          fire[0].run();
        }
      });
    };
    for (int w = 0; w < Math.min(concurrency, n); w++) {
      fire[0].run();
    }
    finished.future().await();
    totalNotes += written.get();
    double wall = seconds(System.nanoTime() - started);
    if (failure.get() != null) {
      throw new IllegalStateException("A measured request failed: " + failure.get());
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Stats(call == null ? "warm-up" : call, n, percentile(sorted, 50), percentile(sorted, 90),
        percentile(sorted, 99), millis(sorted[n - 1]), millis((long) Arrays.stream(sorted).average().orElse(0)),
        n / wall, (double) items.get() / n);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return millis(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
  }

  // ---------------------------------------------------------------------------------------------- report

  private void report(Phase small, Phase large) {
    StringBuilder out = new StringBuilder();
    String line = "=".repeat(100);
    out.append('\n').append(line).append('\n');
    out.append("READ BENCHMARK REPORT (the app's embedded store: mongo-java-server + H2 MVStore, page cache "
        + System.getenv().getOrDefault("LEERKRING_STORE_CACHE_MB", EmbeddedStore.defaultCacheMb() + "") + " MB)\n");
    out.append(String.format(Locale.ROOT, "Machine: %d cores, JVM %s, max heap %d MB; %d measured + %d warm-up "
            + "requests per call per volume, concurrency %d, seed %d%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, config.requests, config.warmup, config.concurrency, config.seed));
    out.append(line).append('\n');
    out.append(String.format(Locale.ROOT, "%-30s %18s %18s%n", "Volume", "SMALL", "LARGE"));
    row(out, "communities", small.load().communitiesTotal(), large.load().communitiesTotal());
    row(out, "field notes", small.load().notesTotal(), large.load().notesTotal());
    row(out, "questions", small.load().questionsTotal(), large.load().questionsTotal());
    row(out, "users", small.load().usersTotal(), large.load().usersTotal());
    row(out, "activity entries", small.load().activityEntriesTotal(), large.load().activityEntriesTotal());
    row(out, "activity buckets", small.load().counts().get("activity"), large.load().counts().get("activity"));
    row(out, "id lists", small.load().counts().get("idlists"), large.load().counts().get("idlists"));
    out.append(String.format(Locale.ROOT, "%-30s %18s %18s%n", "documents written (this step)",
        small.load().documentsWritten(), large.load().documentsWritten()));
    out.append(String.format(Locale.ROOT, "%-30s %16.1f s %16.1f s%n", "load time (this step)",
        small.load().seconds(), large.load().seconds()));
    out.append(String.format(Locale.ROOT, "%-30s %16.1f s %16.1f s%n", "  of which notes insert",
        small.load().notesSeconds(), large.load().notesSeconds()));
    long smallAdded = small.load().notesTotal();
    long largeAdded = large.load().notesTotal() - small.load().notesTotal();
    out.append(String.format(Locale.ROOT, "%-30s %14.0f /s %14.0f /s%n", "  notes insert rate",
        smallAdded / Math.max(small.load().notesSeconds(), 1e-9), largeAdded / Math.max(large.load().notesSeconds(), 1e-9)));
    out.append(String.format(Locale.ROOT, "%-30s %15.1f MB %15.1f MB%n", "data file after load",
        small.load().fileBytes() / 1e6, large.load().fileBytes() / 1e6));
    out.append(String.format(Locale.ROOT, "%-30s %15.1f MB %15.1f MB%n", "data file after measuring",
        small.fileBytesAfter() / 1e6, large.fileBytesAfter() / 1e6));
    out.append(String.format(Locale.ROOT, "%-30s %18s %18s%n", "members logged in (login time)",
        small.loggedIn() + String.format(Locale.ROOT, " (%.1f s)", small.loginSeconds()),
        large.loggedIn() + String.format(Locale.ROOT, " (%.1f s)", large.loginSeconds())));
    row(out, "communities measured", small.communitiesMeasured(), large.communitiesMeasured());
    out.append(line).append('\n');
    out.append(String.format(Locale.ROOT, "%-42s %9s %9s %9s %9s %9s %9s%n", "Latency (ms)", "S p50", "L p50",
        "ratio", "S p99", "L p99", "ratio"));
    boolean allWithin = true;
    for (int i = 0; i < small.stats().size(); i++) {
      Stats s = small.stats().get(i);
      Stats l = large.stats().get(i);
      double r50 = l.p50() / s.p50();
      double r99 = l.p99() / s.p99();
      boolean within = r50 <= TARGET_RATIO && r99 <= TARGET_RATIO;
      allWithin &= within;
      out.append(String.format(Locale.ROOT, "%-42s %9.2f %9.2f %8.2fx %9.2f %9.2f %8.2fx  %s%n", s.call(), s.p50(),
          l.p50(), r50, s.p99(), l.p99(), r99, within ? "WITHIN 1.3x" : "OVER 1.3x"));
    }
    out.append(line).append('\n');
    for (Phase phase : List.of(small, large)) {
      for (Stats s : phase.stats()) {
        out.append(String.format(Locale.ROOT, "%-6s %-42s p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f  mean %6.2f ms"
                + "  %5.0f req/s  %.1f items/resp%n", phase.label(), s.call(), s.p50(), s.p90(), s.p99(), s.max(),
            s.mean(), s.throughput(), s.itemsPerResponse()));
      }
    }
    out.append(line).append('\n');
    out.append(allWithin
        ? "RESULT: every call stays within the 1.3x target at p50 and p99.\n"
        : "RESULT: at least one call exceeds the 1.3x target (see ratios above).\n");
    out.append(line).append('\n');
    System.out.print(out);
  }

  private static void row(StringBuilder out, String what, Object small, Object large) {
    out.append(String.format(Locale.ROOT, "%-30s %18s %18s%n", what, small, large));
  }

  // ------------------------------------------------------------------------------------------------ misc

  private record Config(int communities, long notes, int smallCommunities, long smallNotes, int questions,
                        int members, int communitiesPerUser, int logins, int requests, int warmup,
                        int concurrency, long seed, boolean keep, boolean newestOnly) {

    static Config fromSystemProperties() {
      Config c = new Config(
          Integer.getInteger("bench.communities", 1000),
          Long.getLong("bench.notes", 100_000L),
          Integer.getInteger("bench.smallCommunities", 10),
          Long.getLong("bench.smallNotes", 1000L),
          Integer.getInteger("bench.questions", 10),
          Integer.getInteger("bench.members", 10),
          Integer.getInteger("bench.communitiesPerUser", 5),
          Integer.getInteger("bench.logins", 40),
          Integer.getInteger("bench.requests", 3000),
          Integer.getInteger("bench.warmup", 3000),
          Integer.getInteger("bench.concurrency", 1),
          Long.getLong("bench.seed", 42L),
          Boolean.getBoolean("bench.keep"),
          Boolean.getBoolean("bench.newestOnly"));
      if (c.communities <= c.smallCommunities || c.notes <= c.smallNotes) {
        throw new IllegalArgumentException("The large volume must exceed the small one: " + c);
      }
      return c;
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }
}
