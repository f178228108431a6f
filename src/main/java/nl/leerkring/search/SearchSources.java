package nl.leerkring.search;

import io.vertx.core.Future;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.contribution.ContributionStore;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.SessionStore;
import nl.leerkring.snack.SnackStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what search finds from each feature's own Store, by the collection it lives in: for the index (what to
 * put in after a write) and for every answer (the current text and the current rule of who may read it).
 */
final class SearchSources {

  private final Map<String, Function<List<String>, Future<List<SearchDocument>>>> byCollection = new LinkedHashMap<>();
  /** The list of a community's documents, per collection; a community's cycles are numbered instead. */
  private final Map<String, Function<String, String>> listed = new LinkedHashMap<>();
  private final Database db;
  private final CommunityStore communities;

  SearchSources(Database db, CommunityStore communities, NoteStore notes, QuestionStore questions, CycleStore cycles,
                SessionStore sessions, SnackStore snacks) {
    this.db = db;
    this.communities = communities;
    byCollection.put(QuestionStore.QUESTIONS, ids -> questions.byIds(ids)
        .map(found -> found.stream().map(SearchDocument::of).toList()));
    byCollection.put(NoteStore.NOTES, ids -> notes.byIds(ids)
        .map(found -> found.stream().map(SearchDocument::of).toList()));
    byCollection.put(ContributionStore.CONTRIBUTIONS, ids -> ContributionStore.byIds(db, ids)
        .map(found -> found.stream().map(SearchDocument::of).toList()));
    byCollection.put(CycleStore.CYCLES, ids -> cycles.byIds(ids)
        .map(found -> found.stream().flatMap(c -> SearchDocument.of(c).stream()).toList()));
    byCollection.put(SessionStore.SESSIONS, ids -> sessions.byIds(ids)
        .map(found -> found.stream().flatMap(s -> SearchDocument.of(s).stream()).toList()));
    byCollection.put(SnackStore.SNACKS, ids -> snacks.byIds(ids)
        .map(found -> found.stream().map(SearchDocument::of).toList()));
    listed.put(QuestionStore.QUESTIONS, QuestionStore::listKey);
    listed.put(NoteStore.NOTES, NoteStore::communityList);
    listed.put(ContributionStore.CONTRIBUTIONS, ContributionStore::listKey);
    listed.put(SessionStore.SESSIONS, SessionStore::listKey);
    listed.put(SnackStore.SNACKS, SnackStore::communityList);
  }

  /** Every community's id with its current cycle's number, for going through everything a few communities at a time. */
  Future<Map<String, Integer>> communities() {
    return communities.currentCycles();
  }

  /**
   * The ids of every document search finds in these communities (id and current cycle), per collection: read
   * from the lists the owning features keep, so nothing is read by a query over a whole collection.
   */
  Future<Map<String, List<String>>> idsIn(Map<String, Integer> group) {
    List<String> keys = new ArrayList<>();
    group.keySet().forEach(communityId -> listed.values().forEach(key -> keys.add(key.apply(communityId))));
    return db.lists().ids(keys).map(lists -> {
      Map<String, List<String>> ids = new LinkedHashMap<>();
      byCollection.keySet().forEach(collection -> ids.put(collection, new ArrayList<>()));
      group.forEach((communityId, currentCycle) -> {
        listed.forEach((collection, key) -> ids.get(collection).addAll(lists.get(key.apply(communityId))));
        for (int n = 1; n <= currentCycle; n++) {
          ids.get(CycleStore.CYCLES).add(CommunityStore.cycleId(communityId, n));
        }
      });
      return ids;
    });
  }

  /** The collections whose documents search finds. */
  List<String> collections() {
    return List.copyOf(byCollection.keySet());
  }

  /** What there is now of these documents of one collection; ids that are gone (or have nothing to find) are left out. */
  Future<List<SearchDocument>> read(String collection, List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : byCollection.get(collection).apply(ids);
  }

  /** Documents by their index keys ({@code collection/id}), in the order of the keys. */
  Future<List<SearchDocument>> byKeys(List<String> keys) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (String key : keys) {
      int slash = key.indexOf('/');
      ids.computeIfAbsent(key.substring(0, slash), c -> new ArrayList<>()).add(key.substring(slash + 1));
    }
    List<Future<List<SearchDocument>>> reads = ids.entrySet().stream()
        .filter(e -> byCollection.containsKey(e.getKey())).map(e -> read(e.getKey(), e.getValue())).toList();
    return Future.all(reads).map(all -> {
      Map<String, SearchDocument> found = new LinkedHashMap<>();
      reads.forEach(read -> read.result().forEach(d -> found.put(d.key(), d)));
      return keys.stream().filter(found::containsKey).map(found::get).toList();
    });
  }
}
