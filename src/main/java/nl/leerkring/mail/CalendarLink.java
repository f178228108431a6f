package nl.leerkring.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;

/** A person's private calendar link, which the mail settings page shows; the calendar feature keeps it. */
public interface CalendarLink {

  Future<JsonObject> status(Caller caller);

  /** A new link (its url shown once), replacing the old one. */
  Future<JsonObject> renew(Caller caller);

  Future<Void> revoke(Caller caller);
}
