package nl.leerkring.web;

import com.github.jknack.handlebars.Parser;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.TemplateCache;
import com.github.jknack.handlebars.io.TemplateSource;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled partials, by file name. Vert.x caches a page's own template, but Handlebars compiles every
 * partial ({@code {{> header}}}) again on each render unless it has a cache; its own caches key on the
 * template source, which Vert.x's loader makes anew for each lookup, so they never hit (and keep growing).
 * Parsing the partials was most of a page's CPU time.
 */
final class TemplatesByName implements TemplateCache {

  private final ConcurrentMap<String, Template> compiled = new ConcurrentHashMap<>();

  @Override
  public void clear() {
    compiled.clear();
  }

  @Override
  public void evict(TemplateSource source) {
    compiled.remove(source.filename());
  }

  @Override
  public Template get(TemplateSource source, Parser parser) throws IOException {
    Template known = compiled.get(source.filename());
    if (known != null) {
      return known;
    }
    // Not computeIfAbsent: parsing may compile other templates, which would update the map from inside.
    Template parsed = parser.parse(source);
    Template earlier = compiled.putIfAbsent(source.filename(), parsed);
    return earlier != null ? earlier : parsed;
  }

  /** Templates change only with a new release; in development mode no cache is set at all. */
  @Override
  public TemplateCache setReload(boolean reload) {
    return this;
  }
}
