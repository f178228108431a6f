package nl.leerkring.web;

import io.vertx.core.json.JsonObject;

/** What a page handler answers: a template under webroot/templates and its data, or a place to go next. */
public record Page(String template, JsonObject model, String redirect) {

  public static Page of(String template, JsonObject model) {
    return new Page(template, model, null);
  }

  /** Post/redirect/get: after a form was handled, the browser asks for the result page itself. */
  public static Page redirect(String location) {
    return new Page(null, null, location);
  }
}
