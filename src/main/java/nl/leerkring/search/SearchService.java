package nl.leerkring.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Access;
import nl.leerkring.community.CommunityStore;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.cycle.CycleStore;
import nl.leerkring.fieldnote.NoteStore;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Problem;
import nl.leerkring.platform.Times;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.session.SessionStore;
import nl.leerkring.snack.SnackStore;
import nl.leerkring.web.Caller;
import org.apache.lucene.search.Query;

import java.nio.file.Path;
import java.util.List;

/**
 * Search across a community's knowledge: its questions with their answers, the field notes its members share,
 * the lecturer's contributions, its harvests and its learning snacks.
 * <p>
 * Who may search: the community's members, and only they (the rule {@link #requireSearcher}). A company admin
 * or a manager is no member, and gets 403: they never see, through search, more than what people shared with
 * them elsewhere. What a member finds: only the community's own texts, and of the notes only the shared ones and
 * their own. The index narrows the search by these rules; every answer is then read from the store and
 * checked again with the owning feature's own rule ({@code Note.visibleTo}), so a change another process made
 * a moment ago (a note made private) holds even before the index heard of it.
 */
public final class SearchService {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_WORDS_LENGTH = 200;
  /** The answer while there is no index yet: the server serves everything else meanwhile. */
  static final String BUILDING = "search_building";
  private static final long BUILDING_RETRY_SECONDS = 60;

  private final Vertx vertx;
  private final Access access;
  private final SearchSources sources;
  private final SearchIndexing indexing;
  private final Snippets snippets;

  public SearchService(Vertx vertx, Database db, Access access, CommunityStore communities, NoteStore notes,
                       QuestionStore questions, CycleStore cycles, SessionStore sessions, SnackStore snacks,
                       Path indexDir) {
    this.vertx = vertx;
    this.access = access;
    this.sources = new SearchSources(db, communities, notes, questions, cycles, sessions, snacks);
    this.indexing = new SearchIndexing(vertx, db, sources, indexDir);
    this.snippets = new Snippets(SearchAnalyzers.dutch(), SearchAnalyzers.english());
  }

  /** Opens the index, starts building it from the store where needed, and starts following every write. */
  public Future<Void> start(boolean sharedDatabase) {
    return indexing.start(sharedDatabase);
  }

  /** Whether searches are told that the index is being built (there is none to answer from yet). */
  public boolean building() {
    return indexing.building();
  }

  public Future<Void> stop() {
    return indexing.close();
  }

  /**
   * Only a community's participants, facilitator and lecturer search it, named one by one so that a role added
   * later (a manager) does not search until someone decides it may. Company admins and managers get 403: search
   * never shows them a note, question or snack that was shared with the community and not with them.
   */
  public static Membership requireSearcher(Membership m) {
    if (!m.is(Role.PARTICIPANT) && !m.is(Role.FACILITATOR) && !m.is(Role.LECTURER)) {
      throw Problem.forbidden("Only members of this community can search it.");
    }
    return m;
  }

  /** The words and filters a person asks with; blank words are refused next to the search field. */
  public record Request(String words, String kind, Integer cycle, String questionId, int offset, int limit) {
  }

  public Future<JsonObject> search(Caller caller, String communityId, Request request) {
    return access.in(caller, communityId).compose(m -> {
      requireSearcher(m);
      String words = request.words() == null ? "" : request.words().strip();
      if (words.isEmpty()) {
        throw Problem.invalidField("q", "required", "Type what to search for.");
      }
      if (words.length() > MAX_WORDS_LENGTH) {
        throw Problem.invalidField("q", "maxLength", "Search with at most " + MAX_WORDS_LENGTH + " characters.");
      }
      SearchIndex index = indexing.index();
      if (index == null) {
        throw Problem.status(503, "search_starting", "Search is starting; try again in a moment.");
      }
      if (indexing.building()) {
        throw Problem.unavailable(BUILDING, "The search index is being built from the store, which takes a few "
            + "minutes in a large installation; search works again when it is done.", BUILDING_RETRY_SECONDS);
      }
      SearchQuery query = new SearchQuery(words, request.kind() == null ? null : SearchKind.parse(request.kind()),
          request.cycle(), request.questionId());
      Query find = query.within(indexing.analyzer(), m.communityId(), m.userId());
      return vertx.executeBlocking(() -> index.search(find, request.offset(), request.limit()), false)
          .compose(hits -> sources.byKeys(hits.keys()).compose(found -> {
            List<SearchDocument> readable = found.stream()
                .filter(d -> d.communityId().equals(m.communityId()) && d.readableBy().test(m.userId())).toList();
            Query marked = query.text(indexing.analyzer());
            return vertx.executeBlocking(() -> {
              JsonArray items = new JsonArray();
              readable.forEach(d -> items.add(item(d, snippets.of(marked, d.text()))));
              return new JsonObject()
                  .put("q", words)
                  .put("items", items)
                  .put("total", hits.total())
                  .put("totalIsExact", hits.exact())
                  .put("offset", request.offset())
                  .put("limit", request.limit())
                  .put("next", request.offset() + request.limit() < hits.total()
                      ? request.offset() + request.limit() : null);
            }, false);
          }));
    });
  }

  private static JsonObject item(SearchDocument d, String snippet) {
    JsonObject item = new JsonObject()
        .put("kind", d.kind().value())
        .put("id", d.id())
        .put("title", d.title())
        .put("snippet", snippet)
        .put("link", d.link())
        .put("cycle", d.cycle())
        .put("questionIds", new JsonArray(d.questionIds()));
    if (d.authorName() != null) {
      item.put("authorName", d.authorName());
    }
    if (d.at() != null) {
      item.put("at", Times.format(d.at()));
    }
    return item;
  }
}
