package org.suishen.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.Role;

/**
 * The OpenAPI document is the API's contract. Beside what each controller declares (summary,
 * schemas with examples), this adds to every operation the roles that reach it (read from {@link
 * AccessRules}, so documentation and filter chain agree) and its refusals: those declared with
 * {@link Refusal} on the handler, and those every operation of its kind shares (log-in, role, CSRF,
 * malformed body or parameters, a busy pool). Each refusal is listed under its status as a
 * problem+json example carrying the stable code and both messages, as the API answers it. The
 * catalogue of all codes is docs/errors.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String PROBLEM = "application/problem+json";

  @Bean
  OpenAPI suishenOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Suishen 随申码 API")
                .version("1")
                .description(
                    "The city's health-code platform: citizens (/api/me), staff (/api/admin,"
                        + " /api/review, /api/authority, /api/audit) and devices (/api/scan,"
                        + " /api/device). Every refusal is RFC 9457 application/problem+json with a"
                        + " stable `code` and the message in Chinese (`messageZh`) and English"
                        + " (`messageEn`); `detail` is in the caller's language (Accept-Language"
                        + " or the suishen-lang cookie). All names are camelCase."));
  }

  /** The refusals a handler declares with {@link Refusal}. */
  @Bean
  OperationCustomizer declaredRefusals(ErrorMessages messages) {
    return (operation, handler) -> {
      for (Refusal refusal :
          AnnotatedElementUtils.findMergedRepeatableAnnotations(
              handler.getMethod(), Refusal.class)) {
        refuse(operation, refusal.status(), refusal.code(), messages);
      }
      return operation;
    };
  }

  /** Roles and the refusals that follow from the path's access rule and the operation's shape. */
  @Bean
  OpenApiCustomizer rolesAndCommonRefusals(ErrorMessages messages) {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas("Problem", problemSchema());
      if (openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::typedExamples);
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> describe(path, method, operation, messages)));
    };
  }

  private static void describe(
      String path, PathItem.HttpMethod method, Operation operation, ErrorMessages messages) {
    AccessRule rule = AccessRules.forPath(path).orElse(null);
    String roles =
        rule == null
            ? "any logged-in account"
            : rule.open()
                ? "public (no log-in)"
                : rule.roles().stream()
                    .map(Role::name)
                    .collect(Collectors.toCollection(TreeSet::new))
                    .stream()
                    .collect(Collectors.joining(", "));
    String description = operation.getDescription();
    operation.setDescription(
        (description == null || description.isBlank() ? "" : description + "\n\n")
            + "Roles: "
            + roles);
    if (rule == null || !rule.open()) {
      refuse(operation, 401, "auth.required", messages);
      refuse(operation, 403, "auth.forbidden", messages);
      if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
        refuse(operation, 403, "auth.csrf", messages);
      }
    }
    if (operation.getRequestBody() != null) {
      refuse(operation, 400, "request.malformed", messages);
      refuse(operation, 415, "request.media-type", messages);
      boolean multipart =
          operation.getRequestBody().getContent() != null
              && operation.getRequestBody().getContent().keySet().stream()
                  .anyMatch(type -> type.startsWith("multipart/"));
      if (multipart) {
        refuse(operation, 400, "request.multipart.malformed", messages);
        refuse(operation, 413, "request.too-large", messages);
      }
    }
    var parameters =
        operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
    if (operation.getRequestBody() != null || !parameters.isEmpty()) {
      refuse(operation, 400, "request.invalid", messages);
    }
    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
      refuse(operation, 400, "request.path.invalid", messages);
    }
    if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
      refuse(operation, 400, "request.parameter.invalid", messages);
    }
    if (parameters.stream()
        .anyMatch(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()))) {
      refuse(operation, 400, "request.parameter.missing", messages);
    }
    // the connection pool is full at peak: polite shedding with Retry-After (X2)
    refuse(operation, 503, "server.busy", messages);
  }

  /**
   * Ids and times look alike in every schema: one example each, where the field has none of its
   * own. Everything that carries meaning (names, codes, counts, flags) has its example in the code.
   */
  private static void typedExamples(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    for (Schema<?> property : schema.getProperties().values()) {
      Schema<?> target = property.getItems() != null ? property.getItems() : property;
      if (target.getExample() != null || target.get$ref() != null) {
        continue;
      }
      String format = target.getFormat();
      if ("uuid".equals(format)) {
        target.setExample("3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c");
      } else if ("date-time".equals(format)) {
        target.setExample("2026-04-09T02:00:00Z");
      } else if ("date".equals(format)) {
        target.setExample("2026-04-09");
      }
    }
  }

  /** Adds one refusal as an example under its status (several codes may share a status). */
  static void refuse(Operation operation, int status, String code, ErrorMessages messages) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    String key = Integer.toString(status);
    ApiResponse response = responses.get(key);
    if (response == null) {
      HttpStatus known = HttpStatus.resolve(status);
      response = new ApiResponse().description(known == null ? key : known.getReasonPhrase());
      responses.addApiResponse(key, response);
    }
    if (response.getContent() == null) {
      response.setContent(new Content());
    }
    MediaType problem = response.getContent().get(PROBLEM);
    if (problem == null) {
      problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
      // a handler's own @ApiResponse may have put a generic JSON schema beside it
      response.getContent().remove("*/*");
      response.getContent().addMediaType(PROBLEM, problem);
    }
    if (problem.getExamples() != null && problem.getExamples().containsKey(code)) {
      return;
    }
    String english = messages.english(code);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("type", ProblemDetailsAdvice.TYPE_PREFIX + code);
    value.put("title", english);
    value.put("status", status);
    value.put("detail", english);
    value.put("code", code);
    value.put("messageZh", messages.chinese(code));
    value.put("messageEn", english);
    problem.addExamples(code, new Example().summary(code + ": " + english).value(value));
    String listed = response.getDescription() == null ? "" : response.getDescription();
    if (!listed.contains("`" + code + "`")) {
      response.setDescription(listed + (listed.isEmpty() ? "" : "; ") + "`" + code + "`");
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details with the stable code and both messages")
        .addProperty(
            "type",
            new StringSchema().example(ProblemDetailsAdvice.TYPE_PREFIX + "request.invalid"))
        .addProperty("title", new StringSchema().example("The request is invalid."))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("The request is invalid."))
        .addProperty("instance", new StringSchema().example("/api/me/appeals"))
        .addProperty(
            "code",
            new StringSchema()
                .description("stable problem code (docs/errors.md)")
                .example("request.invalid"))
        .addProperty("messageZh", new StringSchema().example("请求无效。"))
        .addProperty("messageEn", new StringSchema().example("The request is invalid."));
  }
}
