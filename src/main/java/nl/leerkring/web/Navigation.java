package nl.leerkring.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The main menu of every page: the phone's bottom bar and the laptop's top bar. It offers only what the person
 * can use: writing a note, the questions and a journal to members of a community; the company's and the
 * installation's administration to their administrators; home and notifications to everyone logged in.
 * Writing a note and the questions go straight to the community when the person is in one, to a page that
 * asks which one when they are in several.
 */
public final class Navigation {

  private Navigation() {
  }

  /**
   * The items in their order, each with its name ({@code label}, a message key), its short name for the phone's
   * bottom bar ({@code shell.nav.short.<key>}), icon, address and {@code current}: "page" on the item's own
   * address, "true" elsewhere in its part of the site.
   */
  public static JsonArray items(Caller caller, String path, int unread) {
    JsonArray items = new JsonArray();
    items.add(item("home", "home", "/", path, path.equals("/")));
    String write = writeHref(caller);
    if (write != null) {
      String one = oneCommunity(caller);
      items.add(item("write", "write", write, path, path.equals("/write") || path.endsWith("/notes/new")));
      items.add(item("questions", "questions", one != null ? one + "/questions" : "/questions", path,
          path.equals("/questions") || path.startsWith("/questions/") || path.matches("/c/[^/]+/questions(/.*)?")));
      items.add(item("journal", "journal", "/journal", path, path.equals("/journal")));
      // The phone's bottom bar keeps its five; phones reach the portfolio from the journal.
      items.add(item("portfolio", "journal", "/portfolio", path, path.startsWith("/portfolio")).put("wide", true));
    }
    if (caller.manager()) {
      items.add(item("manager", "admin", "/manager", path, path.startsWith("/manager")));
    }
    if (!caller.adminOf().isEmpty()) {
      items.add(item("admin", "admin", "/admin", path, path.startsWith("/admin")));
    }
    if (caller.installationAdmin()) {
      items.add(item("installation", "installation", "/installation", path, path.startsWith("/installation")));
    }
    JsonObject notifications = item("notifications", "notifications", "/notifications", path,
        path.equals("/notifications"));
    if (unread > 0) {
      notifications.put("count", unread);
    }
    return items.add(notifications);
  }

  /** Where "write a note" goes; null for someone in no community, who has nowhere to write one. */
  public static String writeHref(Caller caller) {
    if (caller.communityIds().isEmpty()) {
      return null;
    }
    String one = oneCommunity(caller);
    return one != null ? one + "/notes/new" : "/write";
  }

  private static String oneCommunity(Caller caller) {
    List<String> communities = caller.communityIds();
    return communities.size() == 1 ? "/c/" + communities.get(0) : null;
  }

  private static JsonObject item(String key, String icon, String href, String path, boolean inSection) {
    String label = switch (key) {
      case "write", "questions" -> "shell.nav." + key;
      case "portfolio", "manager" -> key + ".nav";
      default -> "common.nav." + key;
    };
    JsonObject item = new JsonObject().put("key", key).put("label", label).put("icon", icon).put("href", href);
    if (path.equals(href)) {
      item.put("current", "page");
    } else if (inSection) {
      item.put("current", "true");
    }
    return item;
  }
}
