import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the relative links of every Markdown file of the repository: {@code [text](path)} must
 * name a file or directory inside the repository, and {@code [text](path#anchor)} (or {@code
 * (#anchor)}) a heading of the target, by GitHub's slug rules. Links with a scheme (http, https,
 * mailto) are not followed. Prints each broken link as {@code file:line: ...} and exits 1 if there
 * is one. JDK only; run from the
 * repository (or below it) as {@code java scripts/CheckMarkdownLinks.java}.
 */
public final class CheckMarkdownLinks {

  /** An inline link or image: {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private CheckMarkdownLinks(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws IOException {
    Path root = repositoryRoot();
    CheckMarkdownLinks checker = new CheckMarkdownLinks(root);
    List<Path> files = checker.markdownFiles();
    for (Path file : files) {
      checker.check(file);
    }
    checker.problems.forEach(System.out::println);
    if (!checker.problems.isEmpty()) {
      System.out.println(checker.problems.size() + " broken link(s) in " + files.size() + " Markdown files");
      System.exit(1);
    }
    System.out.println("Markdown links: " + files.size() + " files checked, no broken link");
  }

  /**
   * The repository: the nearest directory, from the working directory up, that holds this script
   * (scripts/CheckMarkdownLinks.java).
   */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath().normalize();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("scripts/CheckMarkdownLinks.java"))) {
        return d;
      }
    }
    return dir;
  }

  /** The tracked Markdown files (git ls-files), or every one on disk outside target/ and node_modules/. */
  private List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try {
      Process git =
          new ProcessBuilder("git", "ls-files", "-z", "--", "*.md")
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (git.waitFor() == 0) {
        for (String name : out.split("\0")) {
          if (!name.isEmpty() && !skipped(name)) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
              files.add(file);
            }
          }
        }
        return files;
      }
    } catch (IOException | InterruptedException e) {
      // no git: walk the tree below
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !skipped(root.relativize(p).toString()))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  private static boolean skipped(String relative) {
    String path = "/" + relative.replace('\\', '/');
    return path.contains("/target/") || path.contains("/node_modules/") || path.contains("/.git/");
  }

  private void check(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (link.find()) {
        String problem = problem(file, link.group(1));
        if (problem != null) {
          problems.add(root.relativize(file) + ":" + (i + 1) + ": " + link.group(1) + ": " + problem);
        }
      }
    }
  }

  /** Why the link target is broken, or null when it is fine. */
  private String problem(Path file, String target) throws IOException {
    if (target.isEmpty()) {
      return "empty link";
    }
    if (SCHEME.matcher(target).find() || target.startsWith("//")) {
      return null; // a URL: not fetched
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    int query = pathPart.indexOf('?');
    if (query >= 0) {
      pathPart = pathPart.substring(0, query);
    }
    if (pathPart.startsWith("/")) {
      return "absolute path (links must be relative to the file)";
    }
    Path resolved =
        pathPart.isEmpty()
            ? file
            : file.getParent().resolve(java.net.URLDecoder.decode(pathPart, StandardCharsets.UTF_8)).normalize();
    if (!resolved.startsWith(root)) {
      return "leaves the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (anchor == null || anchor.isEmpty()) {
      return null;
    }
    if (!resolved.toString().endsWith(".md") || Files.isDirectory(resolved)) {
      return null; // anchors of other files (line numbers of source files) are not checked
    }
    if (!anchorsOf(resolved).contains(anchor.toLowerCase(Locale.ROOT))) {
      return "no heading '#" + anchor + "' in " + root.relativize(resolved);
    }
    return null;
  }

  /** The anchors GitHub gives the headings of a Markdown file, duplicates numbered -1, -2, ... */
  private Set<String> anchorsOf(Path file) throws IOException {
    Set<String> known = anchors.get(file);
    if (known != null) {
      return known;
    }
    known = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (inFence || !heading.matches()) {
        continue;
      }
      String slug = slug(heading.group(2));
      int count = seen.merge(slug, 1, Integer::sum);
      known.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    anchors.put(file, known);
    return known;
  }

  /**
   * GitHub's heading anchor: the text without Markdown link targets and emphasis, lower-case,
   * punctuation other than {@code -} and {@code _} dropped, each space a {@code -}.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
              } else if (c == ' ') {
                slug.append('-');
              }
            });
    return slug.toString();
  }
}
