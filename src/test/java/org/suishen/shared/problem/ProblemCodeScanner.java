package org.suishen.shared.problem;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * Finds every error code the main source can produce, by following the code backwards from where
 * its message is looked up ({@code "error." + code}, in {@link ErrorMessages} and wherever else) to
 * where it is written: through method and constructor parameters (so {@code
 * SuishenException.badInput}, {@code problem(...)}, {@code Refused.of}, {@code FreeText.required(
 * ..., "appeals.text")} with its {@code ".required"} suffix are all found without being named
 * here), locals, fields and record components, accessors ({@code e.code()} leads to the
 * constructors of {@code e}'s class), method results (including {@code switch} expressions) and
 * constants. The source is parsed with the JDK's own compiler (no attribution), receivers are typed
 * from their declarations.
 *
 * <p>Where a code is stored and read back (the database), the flow cannot be followed; the places
 * that write codes there are declared as {@link Carrier}s, and quoted codes in the SQL of the
 * carriers' classes are codes too. Every flow end that is neither a code nor a declared {@link
 * Opaque} expression is reported as unresolved, so that a new way of making codes cannot pass
 * unnoticed.
 */
final class ProblemCodeScanner {

  /** Where in the source. */
  record Site(String file, long line) implements Comparable<Site> {
    @Override
    public int compareTo(Site other) {
      int byFile = file.compareTo(other.file);
      return byFile != 0 ? byFile : Long.compare(line, other.line);
    }

    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** A code found, where, and with which HTTP status if the site says. */
  record Found(String code, Site site, @Nullable Integer status) {}

  /** A flow end the scanner cannot follow. */
  record Unresolved(Site site, String expression) {
    @Override
    public String toString() {
      return site + ": " + expression;
    }
  }

  /**
   * A method or constructor ({@code "<init>"}) of a class that writes the code in parameter {@code
   * index} to storage, from where it is read back and looked up.
   */
  record Carrier(String className, String method, int index, String why) {}

  /** An expression (as written, in a file) whose value is a code stored elsewhere, and why. */
  record Opaque(String file, String expression, String why) {}

  record Result(List<Found> found, List<Unresolved> unresolved) {

    /** Every code with the sites that produce it. */
    Map<String, Set<Site>> codes() {
      Map<String, Set<Site>> codes = new TreeMap<>();
      for (Found f : found) {
        codes.computeIfAbsent(f.code(), c -> new TreeSet<>()).add(f.site());
      }
      return codes;
    }

    /** Every code with the HTTP statuses its sites state (empty when none does). */
    Map<String, Set<Integer>> statuses() {
      Map<String, Set<Integer>> statuses = new TreeMap<>();
      for (Found f : found) {
        var set = statuses.computeIfAbsent(f.code(), c -> new TreeSet<>());
        if (f.status() != null) {
          set.add(f.status());
        }
      }
      return statuses;
    }
  }

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)+");
  private static final Pattern QUOTED_CODE =
      Pattern.compile("'([a-z][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)+)'");
  private static final Map<String, Integer> STATUSES =
      Map.ofEntries(
          Map.entry("BAD_REQUEST", 400),
          Map.entry("UNAUTHORIZED", 401),
          Map.entry("FORBIDDEN", 403),
          Map.entry("NOT_FOUND", 404),
          Map.entry("METHOD_NOT_ALLOWED", 405),
          Map.entry("NOT_ACCEPTABLE", 406),
          Map.entry("CONFLICT", 409),
          Map.entry("GONE", 410),
          Map.entry("CONTENT_TOO_LARGE", 413),
          Map.entry("PAYLOAD_TOO_LARGE", 413),
          Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
          Map.entry("UNPROCESSABLE_CONTENT", 422),
          Map.entry("UNPROCESSABLE_ENTITY", 422),
          Map.entry("TOO_MANY_REQUESTS", 429),
          Map.entry("INTERNAL_SERVER_ERROR", 500),
          Map.entry("SERVICE_UNAVAILABLE", 503));

  // ---- the parsed source ----

  /** A class (or record, enum, interface) of the source. */
  private static final class Type {
    final String name;
    final ClassTree tree;
    final TreePath path;
    final @Nullable Type outer;
    final @Nullable String superName;
    final List<TreePath> methods = new ArrayList<>();
    final Map<String, TreePath> fields = new HashMap<>();
    final List<String> components = new ArrayList<>();

    Type(ClassTree tree, TreePath path, @Nullable Type outer) {
      this.name = tree.getSimpleName().toString();
      this.tree = tree;
      this.path = path;
      this.outer = outer;
      this.superName = tree.getExtendsClause() == null ? null : simpleName(tree.getExtendsClause());
    }

    boolean isRecord() {
      return tree.getKind() == Tree.Kind.RECORD;
    }
  }

  /** A method or constructor, by owner, name and number of parameters. */
  private record Callable(Type owner, String name, int arity, boolean varargs) {
    static Callable of(Type owner, MethodTree method) {
      List<? extends VariableTree> parameters = method.getParameters();
      boolean varargs =
          !parameters.isEmpty() && parameters.getLast().getType() instanceof ArrayTypeTree;
      return new Callable(owner, callableName(method), parameters.size(), varargs);
    }

    static Callable canonical(Type record) {
      return new Callable(record, "<init>", record.components.size(), false);
    }

    /** Whether a call with this many arguments may go to it. */
    boolean takes(int arguments) {
      return arguments == arity || (varargs && arguments >= arity - 1);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Callable c
          && c.owner == owner
          && c.name.equals(name)
          && c.arity == arity;
    }

    @Override
    public int hashCode() {
      return Objects.hash(System.identityHashCode(owner), name, arity);
    }
  }

  /** A parameter of a callable that receives a code, with what is put around it. */
  private record Sink(
      Callable callable, int index, String prefix, String suffix, @Nullable Integer status) {
    Object key() {
      // with the status: a code raised with several statuses gets them all
      return java.util.Arrays.asList(callable, index, prefix, suffix, status);
    }
  }

  /**
   * A value: a whole code ({@code parameter == null}), or what a parameter of the enclosing
   * callable receives with a prefix and suffix.
   */
  private record Value(
      String prefix,
      @Nullable Callable callable,
      int index,
      String suffix,
      @Nullable Integer status) {
    static Value of(String text, @Nullable Integer status) {
      return new Value(text, null, -1, "", status);
    }

    boolean whole() {
      return callable == null;
    }
  }

  private final Trees trees;
  private final Map<CompilationUnitTree, String> fileNames = new HashMap<>();
  private final Map<String, List<Type>> types = new HashMap<>();
  private final Map<String, List<TreePath>> invocations = new HashMap<>();
  private final Map<String, List<TreePath>> creations = new HashMap<>();
  private final List<TreePath> errorLookups = new ArrayList<>();
  private final List<TreePath> literals = new ArrayList<>();
  private final Map<Tree, Set<Value>> cache = new HashMap<>();
  private final Set<Tree> resolving = new HashSet<>();
  private final List<Unresolved> unresolved = new ArrayList<>();
  private final Collection<Opaque> opaque;

  private ProblemCodeScanner(Trees trees, Collection<Opaque> opaque) {
    this.trees = trees;
    this.opaque = opaque;
  }

  static Result scan(Path sourceRoot, Collection<Carrier> carriers, Collection<Opaque> opaque) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (var files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sourceRoot)) {
      List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      var task =
          (JavacTask)
              javac.getTask(
                  null,
                  files,
                  diagnostic -> {},
                  List.of("-proc:none"),
                  null,
                  files.getJavaFileObjectsFromPaths(sources));
      var scanner = new ProblemCodeScanner(Trees.instance(task), opaque);
      for (CompilationUnitTree unit : task.parse()) {
        scanner.index(unit, sourceRoot);
      }
      return scanner.run(carriers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void index(CompilationUnitTree unit, Path root) {
    fileNames.put(
        unit, root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString());
    new TreePathScanner<Void, @Nullable Type>() {
      @Override
      public Void visitClass(ClassTree tree, @Nullable Type outer) {
        var type = new Type(tree, getCurrentPath(), outer);
        types.computeIfAbsent(type.name, n -> new ArrayList<>()).add(type);
        for (Tree member : tree.getMembers()) {
          var memberPath = new TreePath(getCurrentPath(), member);
          if (member instanceof MethodTree) {
            type.methods.add(memberPath);
          } else if (member instanceof VariableTree field) {
            type.fields.put(field.getName().toString(), memberPath);
            if (type.isRecord() && !field.getModifiers().getFlags().contains(Modifier.STATIC)) {
              type.components.add(field.getName().toString());
            }
          }
        }
        return super.visitClass(tree, type);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, @Nullable Type type) {
        invocations.computeIfAbsent(methodName(tree), n -> new ArrayList<>()).add(getCurrentPath());
        return super.visitMethodInvocation(tree, type);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, @Nullable Type type) {
        creations
            .computeIfAbsent(simpleName(tree.getIdentifier()), n -> new ArrayList<>())
            .add(getCurrentPath());
        return super.visitNewClass(tree, type);
      }

      @Override
      public Void visitBinary(BinaryTree tree, @Nullable Type type) {
        if (tree.getKind() == Tree.Kind.PLUS
            && tree.getLeftOperand() instanceof LiteralTree left
            && "error.".equals(left.getValue())) {
          errorLookups.add(new TreePath(getCurrentPath(), tree.getRightOperand()));
        }
        return super.visitBinary(tree, type);
      }

      @Override
      public Void visitLiteral(LiteralTree tree, @Nullable Type type) {
        if (tree.getValue() instanceof String) {
          literals.add(getCurrentPath());
        }
        return super.visitLiteral(tree, type);
      }
    }.scan(unit, null);
  }

  // ---- the flow ----

  private Result run(Collection<Carrier> carriers) {
    List<Found> found = new ArrayList<>();
    Deque<Sink> work = new ArrayDeque<>();
    Set<Object> seen = new HashSet<>();
    for (TreePath lookup : errorLookups) {
      for (Value value : resolve(lookup)) {
        accept(value, "", "", null, site(lookup), found, work, seen);
      }
    }
    Set<String> carrierClasses = new HashSet<>();
    for (Carrier carrier : carriers) {
      List<Type> owners = types.getOrDefault(carrier.className(), List.of());
      if (owners.isEmpty()) {
        throw new IllegalStateException("declared carrier class not found: " + carrier);
      }
      carrierClasses.add(carrier.className());
      for (Type owner : owners) {
        push(new Sink(carrierCallable(owner, carrier), carrier.index(), "", "", null), work, seen);
      }
    }
    while (!work.isEmpty()) {
      Sink sink = work.pop();
      for (TreePath call : callsOf(sink.callable())) {
        List<? extends ExpressionTree> arguments = arguments(call.getLeaf());
        if (sink.index() >= arguments.size()) {
          continue;
        }
        Integer status = sink.status() != null ? sink.status() : statusIn(arguments);
        TreePath argument = new TreePath(call, arguments.get(sink.index()));
        Callable caller = enclosingCallable(call);
        for (Value value : resolve(argument)) {
          // a status given beside the code goes with it; not with a code read from another
          // object (its accessor leads to where that object got its code and status)
          boolean beside = value.whole() || value.callable().equals(caller);
          Integer given = beside ? status : sink.status();
          accept(value, sink.prefix(), sink.suffix(), given, site(argument), found, work, seen);
        }
      }
    }
    // codes the carriers' classes write in SQL
    for (TreePath literal : literals) {
      Type type = enclosingType(literal);
      if (type == null || !carrierClasses.contains(outermost(type).name)) {
        continue;
      }
      Matcher m = QUOTED_CODE.matcher((String) ((LiteralTree) literal.getLeaf()).getValue());
      while (m.find()) {
        found.add(new Found(m.group(1), site(literal), null));
      }
    }
    return new Result(found, unresolved);
  }

  private void accept(
      Value value,
      String prefix,
      String suffix,
      @Nullable Integer status,
      Site site,
      List<Found> found,
      Deque<Sink> work,
      Set<Object> seen) {
    Integer known = value.status() != null ? value.status() : status;
    if (value.whole()) {
      String code = prefix + value.prefix() + suffix;
      if (CODE.matcher(code).matches()) {
        found.add(new Found(code, site, known));
      } else {
        unresolved.add(new Unresolved(site, '"' + code + "\" (not a code)"));
      }
    } else {
      push(
          new Sink(
              value.callable(),
              value.index(),
              prefix + value.prefix(),
              value.suffix() + suffix,
              known),
          work,
          seen);
    }
  }

  private static void push(Sink sink, Deque<Sink> work, Set<Object> seen) {
    if (seen.add(sink.key())) {
      work.push(sink);
    }
  }

  private static Callable carrierCallable(Type owner, Carrier carrier) {
    if (owner.isRecord()
        && carrier.method().equals("<init>")
        && carrier.index() < owner.components.size()) {
      return Callable.canonical(owner);
    }
    for (TreePath path : owner.methods) {
      var tree = (MethodTree) path.getLeaf();
      if (callableName(tree).equals(carrier.method())
          && tree.getParameters().size() > carrier.index()) {
        return Callable.of(owner, tree);
      }
    }
    throw new IllegalStateException("declared carrier not found: " + carrier);
  }

  /** The values an expression can have, as codes or as what a parameter receives. */
  private Set<Value> resolve(TreePath path) {
    Tree tree = path.getLeaf();
    Set<Value> cached = cache.get(tree);
    if (cached != null) {
      return cached;
    }
    if (!resolving.add(tree)) {
      return Set.of(); // a cycle: its values come in through the other branches
    }
    try {
      Set<Value> values = compute(path);
      cache.put(tree, values);
      return values;
    } finally {
      resolving.remove(tree);
    }
  }

  private Set<Value> compute(TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof LiteralTree literal) {
      if (literal.getValue() instanceof String text) {
        return Set.of(Value.of(text, null));
      }
      return literal.getValue() == null ? Set.of() : unresolvable(path);
    }
    return switch (tree) {
      case ParenthesizedTree p -> resolve(new TreePath(path, p.getExpression()));
      case TypeCastTree cast -> resolve(new TreePath(path, cast.getExpression()));
      case ConditionalExpressionTree c ->
          union(
              resolve(new TreePath(path, c.getTrueExpression())),
              resolve(new TreePath(path, c.getFalseExpression())));
      case BinaryTree b ->
          b.getKind() == Tree.Kind.PLUS ? concatenation(path, b) : unresolvable(path);
      case IdentifierTree identifier -> variable(path, identifier.getName().toString());
      case MemberSelectTree select -> member(path, select);
      case MethodInvocationTree invocation -> result(path, invocation);
      case SwitchExpressionTree s -> switchResults(path, s);
      default -> unresolvable(path);
    };
  }

  private Set<Value> unresolvable(TreePath path) {
    Site site = site(path);
    String text = source(path);
    boolean declared =
        opaque.stream()
            .anyMatch(o -> site.file().endsWith(o.file()) && o.expression().equals(text));
    if (!declared) {
      unresolved.add(new Unresolved(site, text));
    }
    return Set.of();
  }

  private Set<Value> concatenation(TreePath path, BinaryTree tree) {
    Set<Value> left = resolve(new TreePath(path, tree.getLeftOperand()));
    Set<Value> right = resolve(new TreePath(path, tree.getRightOperand()));
    Set<Value> values = new LinkedHashSet<>();
    for (Value l : left) {
      for (Value r : right) {
        Integer status = l.status() != null ? l.status() : r.status();
        if (l.whole() && r.whole()) {
          values.add(Value.of(l.prefix() + r.prefix(), status));
        } else if (r.whole()) {
          values.add(
              new Value(l.prefix(), l.callable(), l.index(), l.suffix() + r.prefix(), status));
        } else if (l.whole()) {
          values.add(
              new Value(l.prefix() + r.prefix(), r.callable(), r.index(), r.suffix(), status));
        } else {
          unresolvable(path);
        }
      }
    }
    return values;
  }

  /** A name: a parameter, a local variable, a field of this or an enclosing class. */
  private Set<Value> variable(TreePath path, String name) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree lambda
          && lambda.getParameters().stream().anyMatch(v -> v.getName().contentEquals(name))) {
        return unresolvable(path);
      }
      if (leaf instanceof MethodTree method) {
        List<? extends VariableTree> parameters = method.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
          if (parameters.get(i).getName().contentEquals(name)) {
            return Set.of(new Value("", Callable.of(enclosingType(p), method), i, "", null));
          }
        }
        Set<Value> local = local(p, name);
        if (local != null) {
          return local;
        }
      }
      if (leaf instanceof ClassTree) {
        Type type = typeOf((ClassTree) leaf);
        for (Type t = type; t != null; t = t.outer) {
          Set<Value> field = field(t, name);
          if (field != null) {
            return field;
          }
        }
        return unresolvable(path);
      }
    }
    return unresolvable(path);
  }

  /** A local variable of the method: its initializer and every assignment to it. */
  private @Nullable Set<Value> local(TreePath method, String name) {
    List<TreePath> sources = new ArrayList<>();
    boolean[] declared = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getName().contentEquals(name)) {
          declared[0] = true;
          if (tree.getInitializer() != null) {
            sources.add(new TreePath(getCurrentPath(), tree.getInitializer()));
          }
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (tree.getVariable() instanceof IdentifierTree id && id.getName().contentEquals(name)) {
          sources.add(new TreePath(getCurrentPath(), tree.getExpression()));
        }
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null; // not into local classes
      }
    }.scan(new TreePath(method, ((MethodTree) method.getLeaf()).getBody()), null);
    if (!declared[0]) {
      return null;
    }
    Set<Value> values = new LinkedHashSet<>();
    sources.forEach(s -> values.addAll(resolve(s)));
    return values;
  }

  /**
   * A field: its initializer and every assignment to it in its class; a record component is what
   * the canonical constructor receives.
   */
  private @Nullable Set<Value> field(Type type, String name) {
    TreePath field = type.fields.get(name);
    if (field == null) {
      return null;
    }
    int component = type.components.indexOf(name);
    if (component >= 0) {
      return Set.of(new Value("", Callable.canonical(type), component, "", null));
    }
    var tree = (VariableTree) field.getLeaf();
    List<TreePath> sources = new ArrayList<>();
    if (tree.getInitializer() != null) {
      sources.add(new TreePath(field, tree.getInitializer()));
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        ExpressionTree target = assignment.getVariable();
        boolean ours =
            (target instanceof IdentifierTree id && id.getName().contentEquals(name))
                || (target instanceof MemberSelectTree select
                    && select.getIdentifier().contentEquals(name)
                    && select.getExpression() instanceof IdentifierTree self
                    && self.getName().contentEquals("this"));
        if (ours) {
          sources.add(new TreePath(getCurrentPath(), assignment.getExpression()));
        }
        return super.visitAssignment(assignment, unused);
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return nested == type.tree ? super.visitClass(nested, unused) : null;
      }
    }.scan(type.path, null);
    Set<Value> values = new LinkedHashSet<>();
    sources.forEach(s -> values.addAll(resolve(s)));
    return values;
  }

  /** {@code Type.CONSTANT}, {@code this.field}; anything else is not followed. */
  private Set<Value> member(TreePath path, MemberSelectTree select) {
    String name = select.getIdentifier().toString();
    ExpressionTree owner = select.getExpression();
    if (owner instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      Type type = enclosingType(path);
      Set<Value> field = type == null ? null : field(type, name);
      return field != null ? field : unresolvable(path);
    }
    for (Type type : types.getOrDefault(simpleName(owner), List.of())) {
      Set<Value> field = field(type, name);
      if (field != null) {
        return field;
      }
    }
    return unresolvable(path);
  }

  /** What a method call returns: the method's return values, its parameters bound to the call's. */
  private Set<Value> result(TreePath path, MethodInvocationTree invocation) {
    String name = methodName(invocation);
    int arity = invocation.getArguments().size();
    List<Type> candidates = typedReceivers(path, invocation);
    Set<Value> values = new LinkedHashSet<>();
    boolean any = false;
    for (Type type : candidates) {
      for (Type t = type; t != null; t = superType(t)) {
        for (TreePath method : t.methods) {
          var tree = (MethodTree) method.getLeaf();
          Callable callable = Callable.of(t, tree);
          if (!callable.name().equals(name) || !callable.takes(arity) || tree.getBody() == null) {
            continue;
          }
          any = true;
          for (TreePath returned : returns(method)) {
            for (Value value : resolve(returned)) {
              values.addAll(bind(value, callable, path, invocation));
            }
          }
        }
        if (arity == 0 && t.components.contains(name)) {
          any = true;
          values.add(new Value("", Callable.canonical(t), t.components.indexOf(name), "", null));
        }
      }
    }
    return any ? values : unresolvable(path);
  }

  /** A value of a called method's parameter is the call's argument. */
  private Set<Value> bind(Value value, Callable called, TreePath call, MethodInvocationTree tree) {
    if (value.whole() || !value.callable().equals(called)) {
      return Set.of(value);
    }
    if (value.index() >= tree.getArguments().size()) {
      return Set.of();
    }
    Set<Value> bound = new LinkedHashSet<>();
    for (Value argument : resolve(new TreePath(call, tree.getArguments().get(value.index())))) {
      Integer status = argument.status() != null ? argument.status() : value.status();
      if (argument.whole()) {
        bound.add(Value.of(value.prefix() + argument.prefix() + value.suffix(), status));
      } else {
        bound.add(
            new Value(
                value.prefix() + argument.prefix(),
                argument.callable(),
                argument.index(),
                argument.suffix() + value.suffix(),
                status));
      }
    }
    return bound;
  }

  private Set<Value> switchResults(TreePath path, SwitchExpressionTree tree) {
    Set<Value> values = new LinkedHashSet<>();
    for (CaseTree c : tree.getCases()) {
      Integer status = null;
      for (var label : c.getExpressions()) {
        if (label instanceof LiteralTree literal
            && literal.getValue() instanceof Integer code
            && code >= 100
            && code < 600) {
          status = code;
        }
      }
      TreePath casePath = new TreePath(path, c);
      List<TreePath> results = new ArrayList<>();
      if (c.getBody() instanceof ExpressionTree expression) {
        results.add(new TreePath(casePath, expression));
      } else if (c.getBody() != null) {
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitYield(YieldTree yield, Void unused) {
            results.add(new TreePath(getCurrentPath(), yield.getValue()));
            return null;
          }
        }.scan(new TreePath(casePath, c.getBody()), null);
      }
      for (TreePath result : results) {
        for (Value value : resolve(result)) {
          values.add(
              value.status() == null && status != null
                  ? new Value(
                      value.prefix(), value.callable(), value.index(), value.suffix(), status)
                  : value);
        }
      }
    }
    return values;
  }

  private static List<TreePath> returns(TreePath method) {
    List<TreePath> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        if (tree.getExpression() != null) {
          found.add(new TreePath(getCurrentPath(), tree.getExpression()));
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(new TreePath(method, ((MethodTree) method.getLeaf()).getBody()), null);
    return found;
  }

  // ---- calls and types ----

  /**
   * Every call of a callable: invocations by name, {@code new}, {@code super(...)}, {@code
   * this(...)}.
   */
  private List<TreePath> callsOf(Callable callable) {
    List<TreePath> calls = new ArrayList<>();
    if (callable.name().equals("<init>")) {
      for (TreePath creation : creations.getOrDefault(callable.owner().name, List.of())) {
        if (callable.takes(((NewClassTree) creation.getLeaf()).getArguments().size())) {
          calls.add(creation);
        }
      }
      for (TreePath call : invocations.getOrDefault("super", List.of())) {
        Type caller = enclosingType(call);
        if (caller != null
            && callable.owner().name.equals(caller.superName)
            && callable.takes(arguments(call.getLeaf()).size())) {
          calls.add(call);
        }
      }
      for (TreePath call : invocations.getOrDefault("this", List.of())) {
        if (enclosingType(call) == callable.owner()
            && callable.takes(arguments(call.getLeaf()).size())) {
          calls.add(call);
        }
      }
      return calls;
    }
    for (TreePath call : invocations.getOrDefault(callable.name(), List.of())) {
      var invocation = (MethodInvocationTree) call.getLeaf();
      if (!callable.takes(invocation.getArguments().size())) {
        continue;
      }
      List<Type> receivers = receiverTypes(call, invocation);
      if (receivers.stream().anyMatch(r -> isA(r, callable.owner()))) {
        calls.add(call);
      }
    }
    return calls;
  }

  /** The classes the call may go to when the source states the receiver's type; else none. */
  private List<Type> typedReceivers(TreePath path, MethodInvocationTree invocation) {
    if (invocation.getMethodSelect() instanceof MemberSelectTree select
        && declaredType(new TreePath(path, select.getExpression())) == null) {
      return List.of();
    }
    return receiverTypes(path, invocation);
  }

  /**
   * The classes the call may go to: the receiver's declared type, or every class with the method.
   */
  private List<Type> receiverTypes(TreePath path, MethodInvocationTree invocation) {
    String name = methodName(invocation);
    if (invocation.getMethodSelect() instanceof IdentifierTree) {
      List<Type> enclosing = new ArrayList<>();
      for (Type t = enclosingType(path); t != null; t = t.outer) {
        enclosing.add(t);
      }
      // import static a.b.Type.name (or .*)
      for (var anImport : path.getCompilationUnit().getImports()) {
        if (anImport.isStatic()
            && anImport.getQualifiedIdentifier() instanceof MemberSelectTree imported
            && (imported.getIdentifier().contentEquals(name)
                || imported.getIdentifier().contentEquals("*"))) {
          enclosing.addAll(types.getOrDefault(simpleName(imported.getExpression()), List.of()));
        }
      }
      return enclosing;
    }
    ExpressionTree receiver = ((MemberSelectTree) invocation.getMethodSelect()).getExpression();
    String typeName = declaredType(new TreePath(path, receiver));
    if (typeName != null) {
      return types.getOrDefault(typeName, List.of());
    }
    // not typed (a lambda parameter, a chain): every class that has such a method
    List<Type> all = new ArrayList<>();
    for (List<Type> list : types.values()) {
      for (Type type : list) {
        boolean has =
            type.methods.stream().anyMatch(m -> callableName((MethodTree) m.getLeaf()).equals(name))
                || type.components.contains(name);
        if (has) {
          all.add(type);
        }
      }
    }
    return all;
  }

  /** The simple name of an expression's declared type, if the source states it. */
  private @Nullable String declaredType(TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof ParenthesizedTree p) {
      return declaredType(new TreePath(path, p.getExpression()));
    }
    if (tree instanceof NewClassTree creation) {
      return simpleName(creation.getIdentifier());
    }
    if (tree instanceof MethodInvocationTree invocation) {
      for (Type type : receiverTypes(path, invocation)) {
        for (Type t = type; t != null; t = superType(t)) {
          for (TreePath method : t.methods) {
            var m = (MethodTree) method.getLeaf();
            if (callableName(m).equals(methodName(invocation))
                && m.getParameters().size() == invocation.getArguments().size()
                && m.getReturnType() != null) {
              return simpleName(m.getReturnType());
            }
          }
          String name = methodName(invocation);
          if (t.components.contains(name)) {
            return simpleName(((VariableTree) t.fields.get(name).getLeaf()).getType());
          }
        }
      }
      return null;
    }
    if (tree instanceof MemberSelectTree select
        && Character.isUpperCase(select.getIdentifier().charAt(0))) {
      return select.getIdentifier().toString(); // Outer.Nested, a.b.Type
    }
    if (!(tree instanceof IdentifierTree identifier)) {
      return null;
    }
    String name = identifier.getName().toString();
    if (name.equals("this")) {
      Type type = enclosingType(path);
      return type == null ? null : type.name;
    }
    if (types.containsKey(name)) {
      return name; // a static call on a class
    }
    VariableTree declaration = declaration(path, name);
    if (declaration == null && Character.isUpperCase(name.charAt(0))) {
      return name; // a class outside the source (Set.of, Path.of)
    }
    if (declaration == null || declaration.getType() == null) {
      if (declaration != null && declaration.getInitializer() instanceof NewClassTree creation) {
        return simpleName(creation.getIdentifier());
      }
      return null;
    }
    String type = simpleName(declaration.getType());
    if (type.equals("var") && declaration.getInitializer() != null) {
      return declaredType(new TreePath(path, declaration.getInitializer()));
    }
    return type;
  }

  /**
   * The declaration of a name in scope, innermost first: a pattern binding of an enclosing
   * condition, a catch, lambda, loop or resource variable, a parameter, a local declared before, a
   * field of this class or an enclosing one.
   */
  private @Nullable VariableTree declaration(TreePath path, String name) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      VariableTree found =
          switch (leaf) {
            case CatchTree c -> named(List.of(c.getParameter()), name);
            case LambdaExpressionTree l -> named(l.getParameters(), name);
            case MethodTree m -> named(m.getParameters(), name);
            case EnhancedForLoopTree f -> named(List.of(f.getVariable()), name);
            case ForLoopTree f -> named(variables(f.getInitializer()), name);
            case TryTree t -> named(variables(t.getResources()), name);
            case BlockTree b -> {
              VariableTree last = null;
              for (var statement : b.getStatements()) {
                if (statement == child) {
                  break;
                }
                if (statement instanceof VariableTree v && v.getName().contentEquals(name)) {
                  last = v;
                }
                VariableTree binding = binding(new TreePath(p, statement), name);
                if (binding != null) {
                  last = binding; // if (!(x instanceof T t)) return; ... t
                }
              }
              yield last;
            }
            case IfTree i -> binding(new TreePath(p, i.getCondition()), name);
            case ConditionalExpressionTree c -> binding(new TreePath(p, c.getCondition()), name);
            case WhileLoopTree w -> binding(new TreePath(p, w.getCondition()), name);
            case BinaryTree b -> binding(new TreePath(p, b.getLeftOperand()), name);
            case CaseTree c -> {
              VariableTree v = null;
              for (var label : c.getLabels()) {
                v = v != null ? v : binding(new TreePath(p, label), name);
              }
              yield v;
            }
            default -> null;
          };
      if (found != null) {
        return found;
      }
      if (leaf instanceof ClassTree tree) {
        for (Type t = typeOf(tree); t != null; t = t.outer) {
          for (Type s = t; s != null; s = superType(s)) {
            TreePath field = s.fields.get(name);
            if (field != null) {
              return (VariableTree) field.getLeaf();
            }
          }
        }
        return null;
      }
    }
    return null;
  }

  private static @Nullable VariableTree named(List<? extends Tree> variables, String name) {
    for (Tree tree : variables) {
      if (tree instanceof VariableTree v && v.getName().contentEquals(name)) {
        return v;
      }
    }
    return null;
  }

  private static List<? extends Tree> variables(@Nullable List<? extends Tree> trees) {
    return trees == null ? List.of() : trees;
  }

  /** A pattern binding of the name in a condition (not inside lambdas or classes). */
  private static @Nullable VariableTree binding(TreePath condition, String name) {
    VariableTree[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree tree, Void unused) {
        if (found[0] == null && tree.getVariable().getName().contentEquals(name)) {
          found[0] = tree.getVariable();
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(condition, null);
    return found[0];
  }

  private boolean isA(Type type, Type ancestor) {
    for (Type t = type; t != null; t = superType(t)) {
      if (t == ancestor) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Type superType(Type type) {
    if (type.superName == null) {
      return null;
    }
    List<Type> candidates = types.getOrDefault(type.superName, List.of());
    return candidates.size() == 1 ? candidates.getFirst() : null;
  }

  private Type typeOf(ClassTree tree) {
    for (Type type : types.getOrDefault(tree.getSimpleName().toString(), List.of())) {
      if (type.tree == tree) {
        return type;
      }
    }
    throw new IllegalStateException("not indexed: " + tree.getSimpleName());
  }

  private @Nullable Callable enclosingCallable(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return Callable.of(enclosingType(p), method);
      }
    }
    return null;
  }

  private @Nullable Type enclosingType(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree tree) {
        return typeOf(tree);
      }
    }
    return null;
  }

  private static Type outermost(Type type) {
    Type t = type;
    while (t.outer != null) {
      t = t.outer;
    }
    return t;
  }

  private static @Nullable Integer statusIn(List<? extends ExpressionTree> arguments) {
    for (ExpressionTree argument : arguments) {
      if (argument instanceof MemberSelectTree select
          && simpleName(select.getExpression()).equals("HttpStatus")) {
        Integer status = STATUSES.get(select.getIdentifier().toString());
        if (status != null) {
          return status;
        }
      }
    }
    return null;
  }

  private static List<? extends ExpressionTree> arguments(Tree call) {
    return switch (call) {
      case MethodInvocationTree invocation -> invocation.getArguments();
      case NewClassTree creation -> creation.getArguments();
      default -> List.of();
    };
  }

  private static String methodName(MethodInvocationTree invocation) {
    return switch (invocation.getMethodSelect()) {
      case IdentifierTree id -> id.getName().toString();
      case MemberSelectTree select -> select.getIdentifier().toString();
      default -> "";
    };
  }

  private static String callableName(MethodTree method) {
    return method.getName().contentEquals("<init>") ? "<init>" : method.getName().toString();
  }

  private static String simpleName(Tree type) {
    return switch (type) {
      case IdentifierTree id -> id.getName().toString();
      case MemberSelectTree select -> select.getIdentifier().toString();
      case ParameterizedTypeTree parameterized -> simpleName(parameterized.getType());
      default -> {
        String text = type.toString();
        int generic = text.indexOf('<');
        String raw = generic < 0 ? text : text.substring(0, generic);
        yield raw.substring(raw.lastIndexOf('.') + 1).replaceAll("^.*\\s", "");
      }
    };
  }

  private Site site(TreePath path) {
    CompilationUnitTree unit = path.getCompilationUnit();
    SourcePositions positions = trees.getSourcePositions();
    long start = positions.getStartPosition(unit, path.getLeaf());
    return new Site(fileNames.get(unit), unit.getLineMap().getLineNumber(start));
  }

  private String source(TreePath path) {
    CompilationUnitTree unit = path.getCompilationUnit();
    SourcePositions positions = trees.getSourcePositions();
    long start = positions.getStartPosition(unit, path.getLeaf());
    long end = positions.getEndPosition(unit, path.getLeaf());
    try {
      return unit.getSourceFile()
          .getCharContent(true)
          .subSequence((int) start, (int) end)
          .toString()
          .replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Value> union(Set<Value> a, Set<Value> b) {
    Set<Value> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
