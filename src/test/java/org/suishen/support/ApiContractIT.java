package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is the API's contract (issue 9): this reads {@code /v3/api-docs} and fails
 * on every operation without a summary, its roles or its problem codes, on a snake_case field or
 * parameter, on a request field that its view names differently, on a request or answer schema
 * without examples, and on two records sharing one schema name. Each failure names the operation or
 * the schema, so a new endpoint is held to the same bar. The document is written to {@code
 * target/api-docs.json}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT {

  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MessageSource messages;
  @Autowired ApplicationContext context;

  JsonNode document;

  @BeforeAll
  void readTheDocument() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    document = json.readTree(response.body());
    // to read the gaps against the document itself
    Files.writeString(Path.of("target", "api-docs.json"), response.body());
  }

  /** Every operation of the application (the test-support endpoints aside). */
  List<Op> operations() {
    var operations = new ArrayList<Op>();
    for (var path : document.get("paths").properties()) {
      if (path.getKey().contains("/test-support/") || path.getKey().startsWith("/api/bench/")) {
        continue;
      }
      for (var method : path.getValue().properties()) {
        if (METHODS.contains(method.getKey())) {
          operations.add(
              new Op(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
        }
      }
    }
    return operations;
  }

  record Op(String method, String path, JsonNode node) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void theDocumentListsTheApi() {
    assertThat(operations()).hasSizeGreaterThan(50);
  }

  @Test
  void everyOperationHasASummaryAndItsRoles() {
    var missing = new TreeSet<String>();
    for (Op op : operations()) {
      if (op.node().path("summary").asString("").isBlank()) {
        missing.add(op + ": no summary");
      }
      if (!op.node().path("description").asString("").contains("Roles: ")) {
        missing.add(op + ": no roles");
      }
    }
    assertThat(missing).as("operations without a summary or roles").isEmpty();
  }

  @Test
  void everyRefusalIsAProblemWithAStableCodeInBothLanguages() {
    var wrong = new TreeSet<String>();
    for (Op op : operations()) {
      for (var response : op.node().path("responses").properties()) {
        int status = Integer.parseInt(response.getKey());
        if (status < 400) {
          continue;
        }
        JsonNode examples =
            response.getValue().path("content").path("application/problem+json").path("examples");
        if (examples.isMissingNode() || examples.isEmpty()) {
          wrong.add(op + " " + status + ": no problem code");
          continue;
        }
        for (var example : examples.properties()) {
          String code = example.getValue().path("value").path("code").asString("");
          if (!hasMessage(code, Locale.SIMPLIFIED_CHINESE) || !hasMessage(code, Locale.ENGLISH)) {
            wrong.add(op + " " + status + ": code '" + code + "' has no message in both languages");
          }
        }
      }
    }
    assertThat(wrong).as("refusals without a documented, catalogued code").isEmpty();
  }

  @Test
  void everyFieldAndParameterIsCamelCase() {
    var wrong = new TreeSet<String>();
    for (var schema : document.path("components").path("schemas").properties()) {
      for (var property : schema.getValue().path("properties").properties()) {
        if (!CAMEL_CASE.matcher(property.getKey()).matches()) {
          wrong.add(schema.getKey() + "." + property.getKey());
        }
      }
    }
    for (Op op : operations()) {
      for (JsonNode parameter : op.node().path("parameters")) {
        String in = parameter.path("in").asString("");
        String name = parameter.path("name").asString("");
        if (!in.equals("header") && !in.equals("cookie") && !CAMEL_CASE.matcher(name).matches()) {
          wrong.add(op + " ?" + name);
        }
      }
    }
    assertThat(document.path("components").path("schemas").size()).isGreaterThan(20);
    assertThat(wrong).as("names that are not camelCase").isEmpty();
  }

  /** The answers reworked for issue 9 carry the fields their clients (pages, apps) read. */
  @Test
  void theReworkedAnswersCarryWhatTheirClientsRead() {
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("LiveCodeResponse").path("properties").propertyNames())
        .contains(
            "issuedAt", "expiresAt", "expiresInSeconds", "refreshAfterSeconds", "clockSkewSeconds");
    assertThat(schemas.path("DeclaredView").path("properties").propertyNames())
        .contains("id", "declaredAt", "temperature", "regionVisits", "statusUrl");
    String[] filed = {
      "kind", "text", "believedColour", "correctedName", "documentType", "documentNumber", "name"
    };
    assertThat(schemas.path("NewAppeal").path("properties").propertyNames())
        .containsExactlyInAnyOrder(filed);
    assertThat(schemas.path("Mine").path("properties").propertyNames()).contains(filed);
  }

  /**
   * A request and the view it creates use the same names: each field of a JSON request body is in
   * the answer's schema under the same name, or is marked write-only (a password, a one-time code,
   * a scanned payload: said once, never shown back).
   */
  @Test
  void aRequestAndTheViewItCreatesUseTheSameNames() {
    var mismatched = new TreeSet<String>();
    for (Op op : operations()) {
      JsonNode request =
          schemaOf(op.node().path("requestBody").path("content").path("application/json"));
      JsonNode view = null;
      for (var response : op.node().path("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          view = schemaOf(response.getValue().path("content").path("application/json"));
          if (view == null) {
            view = schemaOf(response.getValue().path("content").path("*/*"));
          }
          break;
        }
      }
      if (request == null || view == null || !view.has("properties")) {
        continue;
      }
      // the view's names: its own fields and those of the objects it holds, alone or in a list
      // (an issued secret holds the account it was issued for, a search answer its matches)
      var names = new HashSet<String>();
      for (var property : view.path("properties").properties()) {
        names.add(property.getKey());
        JsonNode inner = resolve(property.getValue());
        if (inner != null && inner.has("items")) {
          inner = resolve(inner.get("items"));
        }
        if (inner != null) {
          inner.path("properties").properties().forEach(p -> names.add(p.getKey()));
        }
      }
      for (var field : request.path("properties").properties()) {
        if (field.getValue().path("writeOnly").asBoolean(false)) {
          continue;
        }
        if (!names.contains(field.getKey())) {
          mismatched.add(op + ": request field '" + field.getKey() + "' is not in the view");
        }
      }
    }
    assertThat(mismatched).as("request fields that the created view names differently").isEmpty();
  }

  /**
   * The document names a record's schema by its simple name (or its {@code @Schema(name)}): two
   * records of the API with one name share one schema, and one of them is documented wrongly (a
   * manual change's decision note shown as an appeal's decision).
   */
  @Test
  void everySchemaNameNamesOneRecord() {
    var byName = new TreeMap<String, Set<String>>();
    var seen = new HashSet<Type>();
    for (var mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
        if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
            && !handler.hasMethodAnnotation(ResponseBody.class)) {
          continue;
        }
        records(handler.getMethod().getGenericReturnType(), byName, seen);
        for (var parameter : handler.getMethodParameters()) {
          if (parameter.hasParameterAnnotation(RequestBody.class)) {
            records(parameter.getGenericParameterType(), byName, seen);
          }
        }
      }
    }
    var shared = new TreeSet<String>();
    byName.forEach(
        (name, types) -> {
          if (types.size() > 1) {
            shared.add(name + ": " + types);
          }
        });
    assertThat(byName).hasSizeGreaterThan(20);
    assertThat(shared).as("schema names shared by different records").isEmpty();
  }

  /** The application's records a type is made of, by their schema name. */
  private static void records(Type type, Map<String, Set<String>> byName, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        records(argument, byName, seen);
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        records(bound, byName, seen);
      }
    } else if (type instanceof GenericArrayType array) {
      records(array.getGenericComponentType(), byName, seen);
    } else if (type instanceof Class<?> array && array.isArray()) {
      records(array.getComponentType(), byName, seen);
    } else if (type instanceof Class<?> recordType
        && recordType.isRecord()
        && recordType.getName().startsWith("org.suishen.")) {
      var schema = recordType.getAnnotation(Schema.class);
      String name =
          schema == null || schema.name().isBlank() ? recordType.getSimpleName() : schema.name();
      byName.computeIfAbsent(name, n -> new TreeSet<>()).add(recordType.getName());
      for (RecordComponent component : recordType.getRecordComponents()) {
        records(component.getGenericType(), byName, seen);
      }
    }
  }

  @Test
  void requestAndAnswerSchemasCarryExamples() {
    var missing = new TreeSet<String>();
    for (Op op : operations()) {
      checkExamples(op + " request", op.node().path("requestBody").path("content"), missing);
      for (var response : op.node().path("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          checkExamples(op + " " + response.getKey(), response.getValue().path("content"), missing);
        }
      }
    }
    assertThat(missing).as("schemas without examples").isEmpty();
  }

  private void checkExamples(String where, JsonNode content, Set<String> missing) {
    for (var media : content.properties()) {
      // */* is what a handler without produces answers: JSON from a record, bytes from a download
      if (!media.getKey().contains("json") && !media.getKey().equals("*/*")) {
        continue; // PDFs, images, CSV, multipart files
      }
      if (media.getValue().has("example") || media.getValue().has("examples")) {
        continue;
      }
      JsonNode schema = schemaOf(media.getValue());
      if (schema != null) {
        examplesOf(where, schema, missing, new HashSet<>());
      }
    }
  }

  private void examplesOf(String where, JsonNode schema, Set<String> missing, Set<String> seen) {
    if (schema.has("example") || schema.has("examples")) {
      return;
    }
    if (schema.has("items")) {
      JsonNode items = resolve(schema.get("items"));
      if (items != null && seen.add(items.toString())) {
        examplesOf(where, items, missing, seen);
      }
      return;
    }
    for (var property : schema.path("properties").properties()) {
      JsonNode value = property.getValue();
      JsonNode target = resolve(value);
      if (value.has("example") || value.has("examples")) {
        continue;
      }
      if (target != null
          && (target.has("properties") || target.has("items"))
          && seen.add(property.getKey() + target)) {
        examplesOf(where + "." + property.getKey(), target, missing, seen);
      } else if (target == null || (!target.has("example") && !target.has("enum"))) {
        missing.add(where + ": " + property.getKey());
      }
    }
  }

  private JsonNode schemaOf(JsonNode media) {
    if (media.isMissingNode() || !media.has("schema")) {
      return null;
    }
    return resolve(media.get("schema"));
  }

  /** A schema with its {@code $ref} followed (one level of {@code allOf} too). */
  private JsonNode resolve(JsonNode schema) {
    if (schema == null) {
      return null;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      return document.at(ref.substring(1));
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(schema.get("allOf").get(0));
    }
    return schema;
  }

  private boolean hasMessage(String code, Locale locale) {
    if (code.isBlank()) {
      return false;
    }
    try {
      return !messages.getMessage("error." + code, null, locale).isBlank();
    } catch (NoSuchMessageException e) {
      return false;
    }
  }
}
