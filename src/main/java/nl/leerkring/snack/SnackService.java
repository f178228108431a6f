package nl.leerkring.snack;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.community.Access;
import nl.leerkring.community.Membership;
import nl.leerkring.community.Role;
import nl.leerkring.fieldnote.PhotoStorage;
import nl.leerkring.platform.ClientKeys;
import nl.leerkring.platform.Database;
import nl.leerkring.platform.Ids;
import nl.leerkring.platform.Lost;
import nl.leerkring.platform.Problem;
import nl.leerkring.question.Question;
import nl.leerkring.question.QuestionStore;
import nl.leerkring.web.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Learning snacks: anyone in a community (the lecturer too) attaches short items to a question. A snack is
 * shared with the whole community, like a shared field note: members read it, company admins and everyone
 * outside do not. Its author and the community's facilitator may change or delete it.
 */
public final class SnackService {

  private final Database db;
  private final Access access;
  private final QuestionStore questions;
  private final SnackStore snacks;
  private final PhotoStorage photos;

  public SnackService(Database db, Access access, QuestionStore questions, SnackStore snacks, PhotoStorage photos) {
    this.db = db;
    this.access = access;
    this.questions = questions;
    this.snacks = snacks;
    this.photos = photos;
  }

  /** The question's snacks for a member, newest first; each says whether the reader may change it. */
  public Future<JsonArray> list(Caller caller, String questionId) {
    return question(caller, questionId).compose(found -> views(found.membership(), questionId));
  }

  /** For the question's page, whose reader is already known to be a member. */
  public Future<JsonArray> views(Membership m, String questionId) {
    return snacks.ofQuestion(questionId).map(all -> {
      JsonArray out = new JsonArray();
      all.forEach(s -> out.add(view(s, m)));
      return out;
    });
  }

  /**
   * {@code photo} may be null; it is cleaned and stored before the snack that shows it. {@code clientToken} (may
   * be null): a repeat with the same token makes no second snack, it gets the first.
   */
  public Future<JsonObject> add(Caller caller, String questionId, JsonObject body, Buffer photo, String clientToken) {
    return question(caller, questionId).compose(found -> {
      Membership m = found.membership();
      SnackKind kind = SnackKind.parse(body.getString("kind"));
      String text = trimmed(body.getString("text"));
      String url = trimmed(body.getString("url"));
      check(kind, text, url);
      String clientKey = ClientKeys.of(m.userId(), clientToken);
      // A repeat after the first was made costs no photo work; one at the same time loses below.
      return snacks.byClientKey(clientKey).compose(first -> first != null ? Future.succeededFuture(view(first, m))
          : made(m, questionId, body.getString("title").strip(), kind, text, url, photo, clientKey));
    });
  }

  private Future<JsonObject> made(Membership m, String questionId, String title, SnackKind kind, String text,
                                  String url, Buffer photo, String clientKey) {
    String id = Ids.newId();
    Future<Snack.Photo> stored = photo == null ? Future.succeededFuture()
        : photos.clean(photo).compose(clean -> photos.store("snackId", id, clean)
            .map(photoId -> new Snack.Photo(photoId, clean.contentType(), clean.sizes())));
    return stored.compose(p -> {
      Snack snack = new Snack(id, m.communityId(), questionId, m.currentCycle(), m.userId(),
          m.caller().displayName(), kind, title, text, url, p, db.clock().instant(), null);
      return snacks.add(snack, clientKey).map(x -> view(snack, m))
          .recover(failure -> failure instanceof Lost && clientKey != null
              // The same form sent twice at once: this one's photo goes, the first snack is the answer.
              ? photos.remove(p == null ? null : p.id()).compose(x -> snacks.byClientKey(clientKey))
                  .compose(first -> first == null ? Future.failedFuture(failure) : Future.succeededFuture(view(first, m)))
              : Future.failedFuture(failure));
    });
  }

  public Future<JsonObject> update(Caller caller, String snackId, JsonObject body) {
    return changeable(caller, snackId).compose(found -> {
      Snack before = found.snack();
      Snack after = before.edited(body.containsKey("title") ? body.getString("title").strip() : null,
          body.getString("text"), body.getString("url"), db.clock().instant());
      check(after.kind(), after.text(), after.url());
      return snacks.edited(before, after).map(x -> view(after, found.membership()));
    });
  }

  public Future<Void> delete(Caller caller, String snackId) {
    return changeable(caller, snackId).compose(found -> snacks.remove(found.snack())
        .compose(x -> found.snack().photo() == null ? Future.succeededFuture()
            : photos.remove(found.snack().photo().id())));
  }

  /** The snack for its edit form: only for those who may change it. */
  public Future<JsonObject> forEditing(Caller caller, String snackId) {
    return changeable(caller, snackId).map(found -> view(found.snack(), found.membership()));
  }

  /** The snack's photo, its {@code thumbnail} or display size, for those who may read the snack. */
  public Future<PhotoStorage.StoredPhoto> photo(Caller caller, String snackId, boolean thumbnail) {
    return readable(caller, snackId).compose(found -> {
      if (found.snack().photo() == null) {
        throw Problem.notFound("photo");
      }
      return photos.read(found.snack().photo().id(), thumbnail);
    }).map(photo -> {
      if (photo == null) {
        throw Problem.notFound("photo");
      }
      return photo;
    });
  }

  /**
   * The snacks of a community made since {@code since}, oldest first, for a session's agenda ("snacks since
   * the last session"); the reader is a member (the session page checked).
   */
  public Future<JsonArray> since(Membership m, Instant since) {
    return snacks.ofCommunitySince(m.communityId(), since).compose(found -> questions.byIds(
        found.stream().map(Snack::questionId).distinct().toList()).map(asked -> {
          JsonArray out = new JsonArray();
          found.forEach(s -> out.add(view(s, m).put("questionText", asked.stream()
              .filter(q -> q.id().equals(s.questionId())).map(Question::text).findFirst().orElse(""))));
          return out;
        }));
  }

  /**
   * An erased person's snacks stay for the community under their pseudonym, as their shared notes do; every
   * photo goes, as a note's does.
   */
  public Future<Void> forget(String userId, String pseudonym) {
    return snacks.ofAuthor(userId).compose(mine -> {
      Future<Void> chain = Future.succeededFuture();
      for (Snack s : mine) {
        chain = chain.compose(x -> photos.remove(s.photo() == null ? null : s.photo().id()))
            .compose(x -> snacks.anonymised(s, pseudonym));
      }
      return chain;
    }).compose(x -> snacks.dropAuthorList(userId));
  }

  /** A person's own snacks for their data export, with each photo's bytes. */
  public Future<List<Snack>> ofAuthor(String userId) {
    return snacks.ofAuthor(userId);
  }

  public Future<PhotoStorage.StoredPhoto> photoOf(Snack snack) {
    return snack.photo() == null ? Future.succeededFuture() : photos.read(snack.photo().id());
  }

  private static void check(SnackKind kind, String text, String url) {
    if (kind.needsUrl()) {
      if (url == null) {
        throw Problem.invalidField("url", "required", "A link or video needs its web address.");
      }
      if (!isWebAddress(url)) {
        throw Problem.invalidField("url", "web_address", "Give a web address that starts with https:// or http://.");
      }
    } else if (text == null) {
      throw Problem.invalidField("text", "required", "A tip or checklist needs its text.");
    }
    if (url != null && !isWebAddress(url)) {
      throw Problem.invalidField("url", "web_address", "Give a web address that starts with https:// or http://.");
    }
  }

  /** Only web addresses: a javascript: or data: link would run in the reader's page. */
  static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private JsonObject view(Snack s, Membership m) {
    return s.view().put("canChange", mayChange(s, m));
  }

  /** The author, and the facilitator who keeps the community's material in order. */
  private static boolean mayChange(Snack s, Membership m) {
    return m.userId().equals(s.authorId()) || m.is(Role.FACILITATOR);
  }

  private record FoundQuestion(Question question, Membership membership) {
  }

  private record Found(Snack snack, Membership membership) {
  }

  /** The question, for its community's members; for anyone else outside the company it does not exist. */
  private Future<FoundQuestion> question(Caller caller, String questionId) {
    return questions.byId(questionId).compose(q -> access.inCommunityOf(caller, q == null ? null : q.communityId(),
        "question").map(m -> new FoundQuestion(q, requireMember(m))));
  }

  private Future<Found> readable(Caller caller, String snackId) {
    return snacks.byId(snackId).compose(s -> access.inCommunityOf(caller, s == null ? null : s.communityId(), "snack")
        .map(m -> new Found(s, requireMember(m))));
  }

  private Future<Found> changeable(Caller caller, String snackId) {
    return readable(caller, snackId).map(found -> {
      if (!mayChange(found.snack(), found.membership())) {
        throw Problem.forbidden("Only the snack's author and the facilitator can change or delete it.");
      }
      return found;
    });
  }

  /** Its participants, facilitator and lecturer, by name: a role added later (a manager) reads no snacks. */
  private static Membership requireMember(Membership m) {
    if (!m.is(Role.PARTICIPANT) && !m.is(Role.FACILITATOR) && !m.is(Role.LECTURER)) {
      throw Problem.forbidden("Learning snacks are for the community's members.");
    }
    return m;
  }
}
