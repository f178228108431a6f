package nl.leerkring.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Parser;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.TemplateCache;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled partials, by file name. Vert.x caches a page's own template, but Handlebars compiles every
 * partial ({@code {{> header}}}) again on each render unless it has a cache; its own caches key on the
 * template source, which Vert.x's loader makes anew for each lookup, so they never hit (and keep growing).
 * Parsing the partials was most of a page's CPU time. The sources are kept too: Vert.x's loader checks and reads
 * a partial's file on every use, for each icon of the menu again, which also kept rendering off the event loop.
 */
final class TemplatesByName implements TemplateCache {

  private final ConcurrentMap<String, Template> compiled = new ConcurrentHashMap<>();

  private TemplatesByName() {
  }

  /** Templates and partials read and compiled once per process; a read already made is never made again. */
  static void install(Handlebars handlebars) {
    handlebars.with(new TemplatesByName()).with(new SourcesByName(handlebars.getLoader()));
  }

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

  /** Vert.x's loader with what it read kept by resolved path; the prefix it resolves against is still its own. */
  private static final class SourcesByName implements TemplateLoader {

    private final TemplateLoader files;
    private final ConcurrentMap<String, TemplateSource> read = new ConcurrentHashMap<>();

    SourcesByName(TemplateLoader files) {
      this.files = files;
    }

    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      String path = files.resolve(location);
      TemplateSource known = read.get(path);
      if (known != null) {
        return known;
      }
      TemplateSource source = files.sourceAt(location);
      read.putIfAbsent(path, source);
      return source;
    }

    @Override
    public String resolve(String location) {
      return files.resolve(location);
    }

    @Override
    public String getPrefix() {
      return files.getPrefix();
    }

    @Override
    public String getSuffix() {
      return files.getSuffix();
    }

    @Override
    public void setPrefix(String prefix) {
      files.setPrefix(prefix);
    }

    @Override
    public void setSuffix(String suffix) {
      files.setSuffix(suffix);
    }

    @Override
    public void setCharset(Charset charset) {
      files.setCharset(charset);
    }

    @Override
    public Charset getCharset() {
      return files.getCharset();
    }
  }
}
