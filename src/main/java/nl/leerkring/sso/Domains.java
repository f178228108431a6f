package nl.leerkring.sso;

import nl.leerkring.platform.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail domains as a company lists them and as a person's address names one. */
final class Domains {

  /** The same rule as the contract's SsoDomain. */
  private static final Pattern DOMAIN =
      Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

  private Domains() {
  }

  /** The domain of an address typed on the login page; a field problem when it is not an address. */
  static String ofAddress(String email) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    if (address.isEmpty()) {
      throw Problem.invalidField("email", "required", "Fill in your e-mail address.");
    }
    String domain = at < 1 ? "" : address.substring(at + 1);
    if (!DOMAIN.matcher(domain).matches() || address.length() > 200) {
      throw Problem.invalidField("email", "format", "That is not an e-mail address.");
    }
    return domain;
  }

  /** The domain of an address a provider vouched for, or null when it has none we can use. */
  static String ofVerified(String email) {
    if (email == null) {
      return null;
    }
    try {
      return ofAddress(email);
    } catch (Problem e) {
      return null;
    }
  }

  /** A form's text ("bedrijf.nl, bedrijf.be") as the list the contract checks, lower case, each once. */
  static List<String> fromText(String text) {
    return Arrays.stream(text.split("[\\s,;]+")).map(d -> d.strip().toLowerCase(Locale.ROOT))
        .filter(d -> !d.isEmpty()).distinct().toList();
  }

  static List<String> normalised(List<String> domains) {
    return domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
