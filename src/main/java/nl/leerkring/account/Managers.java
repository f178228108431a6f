package nl.leerkring.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.platform.IdLists;
import nl.leerkring.platform.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Who manages whom, kept on the people's own documents: a manager's {@code companyRole} and {@code people}, an
 * employee's {@code managerId}. Both sides change in one multi-document write, and a write to a person drops the
 * callers kept for them, so a manager's view follows an assignment at the next request.
 */
public final class Managers {

  static final String ROLE = "companyRole";
  static final String PEOPLE = "people";
  static final String MANAGER_ID = "managerId";

  private Managers() {
  }

  public static CompanyRole roleOf(JsonObject user) {
    return CompanyRole.of(user.getString(ROLE));
  }

  public static List<String> peopleOf(JsonObject user) {
    return IdLists.strings(user.getJsonArray(PEOPLE, new JsonArray()));
  }

  /** The manager of this person, or null. */
  public static String managerOf(JsonObject user) {
    return user.getString(MANAGER_ID);
  }

  /** The managers of a company, for its admins' page: an id list per company. */
  public static String companyList(String organisationId) {
    return IdLists.key(organisationId, "managers");
  }

  public static List<Step> becomeManager(String userId, String organisationId) {
    return List.of(Step.update(UserStore.USERS, userId, new JsonObject().put("$set", new JsonObject()
        .put(ROLE, CompanyRole.MANAGER.value()))), IdLists.add(companyList(organisationId), userId));
  }

  /** The manager role ends: their people have no manager any more, and the manager no people. */
  public static List<Step> endManager(String managerId, String organisationId, List<String> people) {
    List<Step> steps = new ArrayList<>();
    people.forEach(person -> steps.add(leaveManager(person)));
    steps.add(Step.update(UserStore.USERS, managerId, new JsonObject()
        .put("$unset", new JsonObject().put(ROLE, "").put(PEOPLE, ""))));
    steps.add(IdLists.remove(companyList(organisationId), managerId));
    return steps;
  }

  /** A person gets this manager; a former manager loses them. */
  public static List<Step> assign(String personId, String formerManagerId, String managerId) {
    List<Step> steps = new ArrayList<>();
    if (formerManagerId != null) {
      steps.add(dropPerson(formerManagerId, personId));
    }
    steps.add(Step.update(UserStore.USERS, personId, new JsonObject().put("$set", new JsonObject()
        .put(MANAGER_ID, managerId))));
    steps.add(Step.update(UserStore.USERS, managerId, new JsonObject()
        .put("$addToSet", new JsonObject().put(PEOPLE, personId))));
    return steps;
  }

  public static List<Step> unassign(String personId, String managerId) {
    return List.of(leaveManager(personId), dropPerson(managerId, personId));
  }

  private static Step leaveManager(String personId) {
    return Step.update(UserStore.USERS, personId, new JsonObject().put("$unset", new JsonObject().put(MANAGER_ID, "")));
  }

  private static Step dropPerson(String managerId, String personId) {
    return Step.update(UserStore.USERS, managerId, new JsonObject()
        .put("$pull", new JsonObject().put(PEOPLE, personId)));
  }
}
