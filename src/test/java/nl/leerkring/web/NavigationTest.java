package nl.leerkring.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The menu offers only what the person can use")
class NavigationTest {

  private static Caller person(List<String> communities, List<String> adminOf, boolean installation) {
    return new Caller("u1", "Sanne Visser", "nl", "org", adminOf, communities, installation, "csrf");
  }

  private static List<String> keys(JsonArray items) {
    return items.stream().map(i -> ((JsonObject) i).getString("key")).toList();
  }

  private static JsonObject item(JsonArray items, String key) {
    return items.stream().map(i -> (JsonObject) i).filter(i -> key.equals(i.getString("key"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("A member of one community writes and reads questions there directly; the count of unread notifications goes with its item")
  void memberOfOne() {
    JsonArray items = Navigation.items(person(List.of("warmtepomp"), List.of(), false), "/c/warmtepomp/questions/q1", 3);
    assertEquals(List.of("home", "write", "questions", "journal", "portfolio", "notifications"), keys(items));
    assertEquals(true, item(items, "portfolio").getBoolean("wide"), "the phone's bottom bar keeps its five");
    assertEquals("/c/warmtepomp/notes/new", item(items, "write").getString("href"));
    assertEquals("/c/warmtepomp/questions", item(items, "questions").getString("href"));
    assertEquals("true", item(items, "questions").getString("current"), "a question's page is in the questions part");
    assertNull(item(items, "home").getString("current"));
    assertEquals(3, item(items, "notifications").getInteger("count"));
  }

  @Test
  @DisplayName("A member of several communities is asked which one; the item of the page itself is the current page")
  void memberOfSeveral() {
    JsonArray items = Navigation.items(person(List.of("a", "b"), List.of(), false), "/write", 0);
    assertEquals("/write", item(items, "write").getString("href"));
    assertEquals("page", item(items, "write").getString("current"));
    assertEquals("/questions", item(items, "questions").getString("href"));
    assertFalse(item(items, "notifications").containsKey("count"), "no badge without unread notifications");
  }

  @Test
  @DisplayName("A company admin in no community gets no journal and no note to write; the installation's administrator their own page")
  void administrators() {
    assertEquals(List.of("home", "admin", "notifications"),
        keys(Navigation.items(person(List.of(), List.of("vandijk"), false), "/admin/audit", 0)));
    assertNull(Navigation.writeHref(person(List.of(), List.of("vandijk"), false)));
    assertEquals(List.of("home", "installation", "notifications"),
        keys(Navigation.items(person(List.of(), List.of(), true), "/", 0)));
  }

  @Test
  @DisplayName("Initials come from the first and the last word of the name; a group's colours differ")
  void avatars() {
    assertEquals("KV", Avatar.initials("Kees de Vries"));
    assertEquals("S", Avatar.initials("Sanne"));
    assertEquals("?", Avatar.initials("  "));
    List<Integer> colours = List.of("demo-sanne", "demo-mehmet", "demo-joost", "demo-priya", "demo-kees", "demo-lotte",
        "demo-bram", "demo-fenna", "demo-ruben").stream().map(Avatar::colour).toList();
    assertTrue(colours.stream().allMatch(c -> c >= 0 && c < Avatar.COLOURS), colours::toString);
    assertTrue(colours.stream().distinct().count() >= 4, () -> "the group's colours differ: " + colours);
  }
}
