package nl.leerkring.report;

import io.vertx.core.Future;
import nl.leerkring.audit.AuditTrail;
import nl.leerkring.community.Community;
import nl.leerkring.session.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names of the people present at sessions; those who have left the community since are looked up. */
final class Attendees {

  private Attendees() {
  }

  static Future<Map<String, String>> names(Community community, List<Session> sessions, AuditTrail.People people) {
    Map<String, String> names = new HashMap<>();
    List<String> missing = new ArrayList<>();
    sessions.forEach(s -> s.attendance().forEach(id -> {
      Community.Member member = community.member(id);
      if (member != null) {
        names.put(id, member.displayName());
      } else if (!missing.contains(id)) {
        missing.add(id);
      }
    }));
    if (missing.isEmpty()) {
      return Future.succeededFuture(names);
    }
    return people.byIds(missing).map(found -> {
      found.forEach(u -> names.put(u.getString("_id"), u.getString("displayName")));
      return names;
    });
  }
}
