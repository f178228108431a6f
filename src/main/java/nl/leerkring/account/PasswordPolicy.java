package nl.leerkring.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import nl.leerkring.platform.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a new password is strong enough, estimated by nbvcxz (patterns, keyboard walks, years, leet
 * speak and dictionaries) with, besides its English lists, the words Dutch people use most in passwords and
 * the person's own login and name. Length rules alone let "welkom2026" and "12345678" through.
 */
public final class PasswordPolicy {

  /** About 2^40 guesses: out of reach of an online attacker held back by the login throttle, and then some. */
  private static final double MINIMUM_ENTROPY = 40;

  private final Vertx vertx;

  public PasswordPolicy(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The dictionaries, built on first use and once per process: many thousands of words, alike for every server. */
  private static final class Base {
    static final Configuration CONFIGURATION = configuration();

    private static Configuration configuration() {
      List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
      dictionaries.add(dictionary("dutch", words("/passwords/dutch.txt"), false));
      return new ConfigurationBuilder().setDictionaries(dictionaries).setMinimumEntropy(MINIMUM_ENTROPY)
          .setLocale(Locale.forLanguageTag("nl")).createConfiguration();
    }
  }

  /** {@link #check} on a worker thread. */
  public Future<Void> require(String field, String password, String login, String displayName) {
    return vertx.executeBlocking(() -> {
      check(field, password, login, displayName);
      return null;
    }, false);
  }

  /**
   * Refuses the password with a problem on {@code field} (reasons same_as_login, weak), or returns. The
   * person's own words count as guessable. CPU-bound for a few milliseconds: call on a worker.
   */
  public void check(String field, String password, String login, String displayName) {
    String normalised = password.strip().toLowerCase(Locale.ROOT);
    if (normalised.equals(UserStore.normaliseLogin(login))) {
      throw Problem.invalidField(field, "same_as_login", "The password may not be the same as the login.");
    }
    List<String> own = new ArrayList<>(List.of(UserStore.normaliseLogin(login)));
    if (displayName != null) {
      own.addAll(List.of(displayName.toLowerCase(Locale.ROOT).split("[\\s.@_-]+")));
    }
    List<Dictionary> dictionaries = new ArrayList<>(Base.CONFIGURATION.getDictionaries());
    dictionaries.add(dictionary("own", own, true));
    Configuration configuration = new ConfigurationBuilder().setDictionaries(dictionaries)
        .setMinimumEntropy(MINIMUM_ENTROPY).createConfiguration();
    if (password.isBlank() || !new Nbvcxz(configuration).estimate(password).isMinimumEntropyMet()) {
      throw Problem.invalidField(field, "weak",
          "This password is too easy to guess. Use a few unusual words, or a longer sentence.");
    }
  }

  private static Dictionary dictionary(String name, List<String> words, boolean exclusion) {
    DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(name).setExclusion(exclusion);
    int rank = 1;
    for (String word : words) {
      if (!word.isBlank()) {
        builder.addWord(word, rank++);
      }
    }
    return builder.createDictionary();
  }

  private static List<String> words(String resource) {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource);
         BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(w -> !w.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
