package nl.leerkring.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import nl.leerkring.community.Community;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.Note;
import nl.leerkring.fieldnote.NoteKind;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.fieldnote.Visibility;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.Writes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads field notes through the application's own multi-document write path (intent, note, community's list)
 * and then runs concurrent clients that read, write, edit and scan whole collections (as the weekly digest
 * and the clean-up of expired logins do). Every write the store acknowledged is remembered, with the text it
 * was acknowledged with, so that a restart after kill -9 can be checked against it.
 */
public final class StoreLoad {

  public static final String NOTES = "notes";

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Writes writes;
  private final IdLists lists;
  private final int communities;
  /** note id -> text as last acknowledged. */
  public final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  public final Set<String> unacknowledgedEdits = ConcurrentHashMap.newKeySet();
  public final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
  public final AtomicLong reads = new AtomicLong();
  public final AtomicLong inserts = new AtomicLong();
  public final AtomicLong edits = new AtomicLong();
  public final AtomicLong scans = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();

  public StoreLoad(Vertx vertx, String connectionString, int communities) {
    this.vertx = vertx;
    this.mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", connectionString)
        .put("db_name", "leerkring").put("maxPoolSize", 32).put("serverSelectionTimeoutMS", 30_000));
    this.writes = new Writes(mongo, Clock.systemUTC());
    this.lists = new IdLists(mongo);
    this.communities = communities;
  }

  public Future<Void> communities() {
    List<Future<?>> all = new ArrayList<>();
    Instant now = Instant.now();
    for (int c = 0; c < communities; c++) {
      Community community = new Community(community(c), "organisation", new Community.Challenge("Community " + c,
          null, null, null), List.of(new Community.Member("user-" + c, "User " + c, Role.FACILITATOR, now)), 1,
          "user-" + c, now);
      all.add(mongo.save(CommunityStore.COMMUNITIES, CommunityStore.toDocument(community)));
    }
    return Future.all(all).mapEmpty();
  }

  /**
   * Puts {@code count} notes in straight away, a thousand per command (as a migration would), so that a short
   * run still has a large collection to scan. They count as acknowledged like any other write.
   */
  public Future<Void> bulkLoad(int count) {
    Future<Void> chain = Future.succeededFuture();
    for (int start = 0; start < count; start += 1_000) {
      int size = Math.min(1_000, count - start);
      chain = chain.compose(x -> bulkBatch(size));
    }
    return chain;
  }

  private Future<Void> bulkBatch(int size) {
    List<io.vertx.ext.mongo.BulkOperation> notes = new ArrayList<>();
    Map<String, JsonArray> perCommunity = new java.util.HashMap<>();
    Map<String, String> texts = new java.util.HashMap<>();
    for (int i = 0; i < size; i++) {
      String id = newId();
      String community = community(ThreadLocalRandom.current().nextInt(communities));
      String text = text(id);
      notes.add(io.vertx.ext.mongo.BulkOperation.createInsert(note(id, community, text)));
      perCommunity.computeIfAbsent(community, c -> new JsonArray()).add(id);
      texts.put(id, text);
    }
    List<io.vertx.ext.mongo.BulkOperation> heads = new ArrayList<>();
    perCommunity.forEach((community, ids) -> heads.add(io.vertx.ext.mongo.BulkOperation.createUpdate(
        new JsonObject().put("_id", IdLists.key(community, NOTES)),
        new JsonObject().put("$addToSet", new JsonObject().put("ids", new JsonObject().put("$each", ids))),
        true, false)));
    return mongo.bulkWrite(NOTES, notes).compose(x -> mongo.bulkWrite("idlists", heads)).map(x -> {
      acknowledged.putAll(texts);
      inserts.addAndGet(size);
      return null;
    });
  }

  private static JsonObject note(String id, String community, String text) {
    return NoteStore.toDocument(new Note(id, community, 1, "user-1", "Gebruiker 1", NoteKind.OBSERVATION, text, null,
        null, Visibility.COMMUNITY, List.of(), List.of(), null, null, java.time.Instant.now(), null));
  }

  /** Loads {@code count} notes with {@code clients} writers at a time. */
  public Future<Void> load(int count, int clients) {
    AtomicLong left = new AtomicLong(count);
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      all.add(loop(() -> left.decrementAndGet() >= 0, this::insert));
    }
    return Future.all(all).mapEmpty();
  }

  /** Mixed traffic until {@link #stop()}: per client, mostly reads, some new notes, some edits, now and then a scan. */
  public Future<Void> traffic(int clients) {
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      all.add(loop(() -> !stop.get(), () -> {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 60) {
          return read();
        } else if (dice < 80) {
          return insert();
        } else if (dice < 99) {
          return edit();
        }
        return scan();
      }));
    }
    return Future.all(all).mapEmpty();
  }

  public void stop() {
    stop.set(true);
  }

  /** The BSON size of everything stored, as the store counts it. */
  public Future<Long> dataSize() {
    return mongo.runCommand("dbStats", new JsonObject().put("dbStats", 1))
        .map(stats -> ((Number) stats.getValue("dataSize")).longValue());
  }

  public Future<Void> close() {
    return mongo.close();
  }

  private Future<Void> insert() {
    String id = newId();
    String community = community(ThreadLocalRandom.current().nextInt(communities));
    String text = text(id);
    return writes.apply(Step.insert(NOTES, note(id, community, text)), IdLists.add(IdLists.key(community, NOTES), id))
        .onSuccess(x -> {
          acknowledged.put(id, text);
          inserts.incrementAndGet();
        });
  }

  private Future<Void> edit() {
    String id = anyAcknowledged();
    if (id == null) {
      return insert();
    }
    String text = "edited " + id + " " + System.nanoTime();
    unacknowledgedEdits.add(id + "|" + text);
    return mongo.updateCollection(NOTES, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("text", text)))
        .onSuccess(x -> {
          acknowledged.put(id, text);
          edits.incrementAndGet();
        }).mapEmpty();
  }

  private Future<Void> read() {
    long started = System.nanoTime();
    String community = community(ThreadLocalRandom.current().nextInt(communities));
    return lists.newestFirst(IdLists.key(community, NOTES), NOTES, 0, 20)
        .onSuccess(x -> {
          readLatency.recordValue(Math.min(System.nanoTime() - started, READ_LATENCY_LIMIT));
          reads.incrementAndGet();
        }).mapEmpty();
  }

  /**
   * Words as a field note on the shop floor has them, with numbers in between: text that compresses about as
   * well as people's writing. A run of one letter would compress to nothing and make the file look small.
   */
  private static String text(String id) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int length = random.nextInt(100, 600);
    StringBuilder text = new StringBuilder(length + 20).append("note ").append(id);
    while (text.length() < length) {
      text.append(' ').append(random.nextInt(5) == 0 ? Integer.toString(random.nextInt(100_000))
          : WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  private static final String[] WORDS = ("de het een en van in op met voor niet bij naar dat die er is was werd "
      + "heeft hebben klant monteur warmtepomp storing meting druk temperatuur buitenunit binnenunit leiding "
      + "koudemiddel lekkage ventilator compressor thermostaat instelling foutcode vraag antwoord collega "
      + "ploegleider gesprek observatie navraag experiment reflectie waarom hoe wanneer vandaag gisteren morgen "
      + "ochtend middag graden bar liter minuten uur snel traag goed fout beter slechter opvallend geluid "
      + "trilling condens ijsvorming ontdooien filter vervuild schoon vervangen gecontroleerd gemeten gebeld "
      + "gevraagd geprobeerd gelezen handleiding fabrikant leverancier tekening schema installatie woning "
      + "kantoor hal werkplaats bus route planning afspraak garantie offerte rapport foto bijlage volgende "
      + "stap afgesproken samen opgelost onduidelijk zeker misschien meestal soms nooit altijd eerst daarna "
      + "omdat zodat terwijl maar ook nog wel al").split(" ");

  /** Read latency in nanoseconds, capped so that one stuck read cannot overflow the histogram. */
  public final org.HdrHistogram.Recorder readLatency = new org.HdrHistogram.Recorder(3);
  private static final long READ_LATENCY_LIMIT = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

  /**
   * A query on a field without an index walks the whole collection, as the clean-up of expired logins does
   * on its own (small) collection. Not a count: the embedded store answers a count, like any aggregation, by
   * first loading every document of the collection into memory (which ran a 768 MB store out of memory at a
   * million notes), so the application never counts or aggregates.
   */
  private Future<Void> scan() {
    return mongo.find(NOTES, new JsonObject().put("kind", "question"))
        .compose(x -> mongo.find(CommunityStore.COMMUNITIES, new JsonObject()))
        .onSuccess(x -> scans.incrementAndGet()).mapEmpty();
  }

  private String anyAcknowledged() {
    // Sampling a concurrent map: good enough to spread edits over the notes.
    var it = acknowledged.keySet().iterator();
    int skip = ThreadLocalRandom.current().nextInt(16);
    String id = null;
    while (it.hasNext() && skip-- >= 0) {
      id = it.next();
    }
    return id;
  }

  private Future<Void> loop(java.util.function.BooleanSupplier more, java.util.function.Supplier<Future<Void>> step) {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(x -> next(more, step, done));
    return done.future();
  }

  private void next(java.util.function.BooleanSupplier more, java.util.function.Supplier<Future<Void>> step,
                    Promise<Void> done) {
    if (!more.getAsBoolean()) {
      done.complete();
      return;
    }
    step.get().onComplete(result -> {
      if (result.failed()) {
        errors.add(String.valueOf(result.cause()));
        if (stop.get()) {
          done.complete();
          return;
        }
      }
      next(more, step, done);
    });
  }

  /**
   * {@code -Dstress.randomIds=true} gives notes ids without the time in front, as Leerkring made them before
   * December 2026, to show what ids in creation order save the store.
   */
  private static String newId() {
    if (!RANDOM_IDS) {
      return Ids.newId();
    }
    byte[] random = new byte[12];
    ThreadLocalRandom.current().nextBytes(random);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static final boolean RANDOM_IDS = Boolean.getBoolean("stress.randomIds");

  private static String community(int n) {
    return "community-" + n;
  }

  /**
   * After a restart: acknowledged notes that are missing, or whose text is neither the acknowledged one nor a
   * later edit. Read by _id, a thousand at a time: the embedded store answers a query without an index by
   * first collecting every match, which for a million notes is more than a small heap holds.
   */
  public Future<List<String>> missingAfterRestart(MongoClient restarted) {
    List<String> ids = new ArrayList<>(acknowledged.keySet());
    List<String> missing = java.util.Collections.synchronizedList(new ArrayList<>());
    Future<Void> chain = Future.succeededFuture();
    for (int start = 0; start < ids.size(); start += 1_000) {
      List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 1_000));
      chain = chain.compose(x -> restarted.find(NOTES, new JsonObject().put("_id",
          new JsonObject().put("$in", new JsonArray(new ArrayList<>(chunk))))).map(found -> {
            Set<String> there = new java.util.HashSet<>();
            found.forEach(note -> {
              String id = note.getString("_id");
              there.add(id);
              String stored = note.getString("text");
              if (!stored.equals(acknowledged.get(id)) && !unacknowledgedEdits.contains(id + "|" + stored)) {
                missing.add(id + " has '" + stored + "' instead of '" + acknowledged.get(id) + "'");
              }
            });
            chunk.stream().filter(id -> !there.contains(id)).forEach(id -> missing.add(id + " missing"));
            return null;
          }));
    }
    return chain.map(x -> List.copyOf(missing));
  }

}
