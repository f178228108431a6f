package nl.leerkring.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Document ids")
class IdsTest {

  @Test
  @DisplayName("Ids made later sort after earlier ones, and each is new")
  void laterIdsSortAfter() throws InterruptedException {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(Ids.newId());
      Thread.sleep(2);
    }
    assertEquals(made.stream().sorted().toList(), made);
    var many = new HashSet<String>();
    for (int i = 0; i < 100_000; i++) {
      assertTrue(many.add(Ids.newId()));
    }
  }

  @Test
  @DisplayName("An id is 20 URL-safe characters, 12 of them random")
  void shape() {
    String id = Ids.newId();
    assertTrue(Ids.looksLikeId(id), id);
    assertEquals(20, id.length());
    var tails = new HashSet<Character>();
    for (int i = 0; i < 2_000; i++) {
      tails.add(Ids.newId().charAt(19));
    }
    // The last character carries random bits too: over 2,000 ids nearly all 64 values show up.
    assertTrue(tails.size() > 56, "last character took only " + tails.size() + " values");
  }

  @Test
  @DisplayName("The ids made since a moment are those that sort at or after that moment's start")
  void sinceIsARange() throws InterruptedException {
    String before = Ids.newId();
    Thread.sleep(2);
    java.time.Instant moment = java.time.Instant.now();
    String after = Ids.newId();
    assertTrue(before.compareTo(Ids.from(moment)) < 0, before + " sorts before " + Ids.from(moment));
    assertTrue(after.compareTo(Ids.from(moment)) >= 0, after + " sorts at or after " + Ids.from(moment));
    assertEquals(8, Ids.from(moment).length());
  }
}
