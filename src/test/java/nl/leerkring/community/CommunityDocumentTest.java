package nl.leerkring.community;

import io.vertx.core.json.JsonObject;
import nl.leerkring.web.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A community as stored and as shown")
class CommunityDocumentTest {

  private static final Instant STARTED = Instant.parse("2026-01-05T09:00:00Z");
  private static final Community WARMTEPOMP = new Community("c-1", "o-vandijk",
      new Community.Challenge("Warmtepomp goed inregelen", "We komen te vaak terug.", "Het kost een halve dag.", ""),
      List.of(new Community.Member("u-fenna", "Fenna", Role.FACILITATOR, STARTED.plusSeconds(60)),
          new Community.Member("u-sanne", "Sanne", Role.PARTICIPANT, STARTED.plusSeconds(120)),
          new Community.Member("u-ruben", "Ruben", Role.LECTURER, STARTED.plusSeconds(180)),
          new Community.Member("u-bram", "Bram", Role.PARTICIPANT, STARTED.plusSeconds(240))),
      3, "u-ingrid", STARTED);

  @Test
  @DisplayName("a community with its challenge and members is read back as stored")
  void roundTrip() {
    assertEquals(WARMTEPOMP, CommunityStore.fromDocument(CommunityStore.toDocument(WARMTEPOMP)));
    JsonObject stored = CommunityStore.toDocument(WARMTEPOMP);
    assertEquals("facilitator", stored.getJsonArray("members").getJsonObject(0).getString("role"));
    assertEquals("2026-01-05T09:01:00Z", stored.getJsonArray("members").getJsonObject(0).getString("joinedAt"));
  }

  @Test
  @DisplayName("a new community has no members yet, is in its first cycle and keeps the challenge trimmed")
  void started() {
    Community started = Community.started("c-2", "o-vandijk", Community.Challenge.of(new JsonObject()
        .put("title", "  Tilliften zonder rugklachten ").put("description", "Rugklachten na transfers.")),
        "u-ingrid", STARTED);
    assertEquals("Tilliften zonder rugklachten", started.title());
    assertEquals("", started.challenge().whyItMatters());
    assertEquals(1, started.currentCycle());
    assertEquals("c-2:1", started.cycleId());
    assertTrue(started.members().isEmpty());
    assertEquals(started, CommunityStore.fromDocument(CommunityStore.toDocument(started)));
  }

  @Test
  @DisplayName("the API shows the community by id with members and challenge, but not who started it")
  void view() {
    Caller sanne = new Caller("u-sanne", "Sanne", "nl", "o-vandijk", List.of(), List.of("c-1"), false, "csrf");
    JsonObject view = CommunityService.view(Access.of(sanne, WARMTEPOMP));
    assertEquals("c-1", view.getString("id"));
    assertFalse(view.containsKey("_id"));
    assertFalse(view.containsKey("createdBy"));
    assertEquals("participant", view.getString("myRole"));
    assertFalse(view.getBoolean("companyAdmin"));
    assertEquals(4, view.getInteger("memberCount"));
    assertEquals(3, view.getInteger("currentCycle"));
    assertEquals("Warmtepomp goed inregelen", view.getString("title"));
    assertEquals("2026-01-05T09:00:00Z", view.getString("createdAt"));
    assertEquals(new JsonObject().put("userId", "u-fenna").put("displayName", "Fenna").put("role", "facilitator")
        .put("joinedAt", "2026-01-05T09:01:00Z"), view.getJsonArray("members").getJsonObject(0));
    assertEquals(CommunityStore.toDocument(WARMTEPOMP).getJsonObject("challenge"), view.getJsonObject("challenge"));
  }

  @Test
  @DisplayName("members are found by id and by role; someone who left is nobody's recipient")
  void members() {
    assertEquals("Sanne", WARMTEPOMP.member("u-sanne").displayName());
    assertNull(WARMTEPOMP.member("u-joris"));
    assertTrue(WARMTEPOMP.facilitatedBy("u-fenna"));
    assertFalse(WARMTEPOMP.facilitatedBy("u-sanne"));
    assertEquals(List.of("u-sanne", "u-bram"),
        WARMTEPOMP.withRole(Role.PARTICIPANT).stream().map(Community.Member::userId).toList());
    assertEquals(List.of("u-sanne", "u-ruben", "u-bram"), Recipients.of(WARMTEPOMP, null, "u-fenna"));
    assertEquals(List.of("u-bram"), Recipients.of(WARMTEPOMP, List.of("u-bram", "u-joris"), "u-fenna"));
  }

  @Test
  @DisplayName("a company admin who is no member stands in the community without a role; a stranger does not")
  void standing() {
    Caller ingrid = new Caller("u-ingrid", "Ingrid", "nl", "o-vandijk", List.of("o-vandijk"), List.of(), false, "c");
    Membership admin = Access.of(ingrid, WARMTEPOMP);
    assertTrue(admin.companyAdmin());
    assertFalse(admin.isMember());
    assertEquals("Fenna", admin.memberName("u-fenna"));
    assertEquals("c-1:3", admin.currentCycleId());
    Caller stranger = new Caller("u-x", "X", "nl", "o-other", List.of("o-other"), List.of(), false, "c");
    assertNull(Access.of(stranger, WARMTEPOMP));
  }
}
