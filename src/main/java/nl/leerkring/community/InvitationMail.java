package nl.leerkring.community;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import nl.leerkring.mail.MailJob;
import nl.leerkring.mail.MailPreferences;
import nl.leerkring.platform.Step;
import nl.leerkring.platform.jobs.Jobs;

import java.time.Instant;
import java.util.List;

/**
 * The invitation by mail, for the few who have an address. The mail job carries the link until it is sent,
 * since the database keeps only the invitation's hash; the job's record afterwards does not keep it.
 */
public final class InvitationMail {

  private InvitationMail() {
  }

  /** The hook for a new invitation: nothing when no address was given. */
  public static List<Step> to(String address, String language, JsonObject invitation, String url, String inviterName) {
    return mail("invitation", address, language, invitation, url, inviterName);
  }

  /** The invitation of a company's admin, which makes them administer the company rather than join a community. */
  public static List<Step> toCompanyAdmin(String address, String language, JsonObject invitation, String url,
                                          String inviterName) {
    return mail("admin-invitation", address, language, invitation, url, inviterName);
  }

  private static List<Step> mail(String template, String address, String language, JsonObject invitation, String url,
                                 String inviterName) {
    if (address == null || address.isBlank()) {
      return List.of();
    }
    String title = invitation.getString("title");
    return List.of(Jobs.at("invitation:" + invitation.getString("_id"), MailJob.KIND,
        Instant.parse(invitation.getString("createdAt")), new JsonObject()
            .put("to", MailPreferences.requireAddress(address, "email"))
            .put("language", language == null ? "nl" : language)
            .put("name", invitation.getString("name", ""))
            .put("template", template)
            .put("subjectArgs", new JsonArray().add(title))
            .put("model", new JsonObject()
                .put("community", title)
                .put("inviter", inviterName)
                .put("joinUrl", url)
                .put("expiresAt", invitation.getString("expiresAt")))));
  }
}
