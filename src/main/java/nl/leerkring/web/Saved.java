package nl.leerkring.web;

import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * The confirmation after a form saved something (partials/saved, at the top of the page it leads to): the form
 * redirects with {@code ?saved=note}, and the page says "Je notitie is bewaard" from i18n/saved.properties.
 * Only words with a text are shown, so an address cannot make a page say something else.
 */
public final class Saved {

  private static final Pattern WORD = Pattern.compile("[a-zA-Z]{1,30}");

  private Saved() {
  }

  /** {@code path} with the confirmation of {@code what} (a key under "saved." in the bundle) added. */
  public static String after(String path, String what) {
    int anchor = path.indexOf('#');
    String base = anchor < 0 ? path : path.substring(0, anchor);
    return base + (base.contains("?") ? "&" : "?") + "saved=" + what + (anchor < 0 ? "" : path.substring(anchor));
  }

  /** The confirmation's text in the person's language, or null when the address asks for none. */
  static String of(RoutingContext ctx) {
    String what = ctx.request().getParam("saved");
    if (what == null || !WORD.matcher(what).matches() || !I18n.has("saved." + what)) {
      return null;
    }
    return I18n.text(Language.of(ctx), "saved." + what);
  }
}
