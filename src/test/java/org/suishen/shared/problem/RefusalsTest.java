package org.suishen.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.MethodValidationAdapter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every class of failure gets its own status and stable code; only our faults are a 500. */
class RefusalsTest {

  /** Stands in for a controller: the parameters the framework's exceptions point at. */
  static class Endpoints {
    void byId(@PathVariable UUID id) {}

    void search(@RequestParam("page") int page) {}

    void signed(@RequestHeader("X-Device") String device) {}

    void logIn(@RequestParam("phone") @NotBlank String phone, @Size(max = 3) String note) {}

    void body(Registration registration) {}
  }

  record Registration(@NotBlank String phone, @Size(max = 2) String name) {}

  static MethodParameter parameter(String method, int index) {
    for (Method m : Endpoints.class.getDeclaredMethods()) {
      if (m.getName().equals(method)) {
        return new MethodParameter(m, index);
      }
    }
    throw new IllegalArgumentException(method);
  }

  @Test
  void ourOwnRefusalKeepsItsCodeStatusAndArgumentsEvenWhenWrapped() {
    var refused = SuishenException.conflict("appeals.already-open", "WRONG_COLOUR");
    assertThat(Refusals.of(refused))
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(r.code()).isEqualTo("appeals.already-open");
              assertThat(r.arguments()).containsExactly("WRONG_COLOUR");
            });
    assertThat(Refusals.of(new MultipartException("failed", refused)).code())
        .isEqualTo("appeals.already-open");
  }

  @Test
  void responseStatusExceptionsGetTheCodeOfTheirStatus() {
    assertRefusal(new ResponseStatusException(HttpStatus.CONFLICT), 409, "request.conflict");
    assertRefusal(new ResponseStatusException(HttpStatus.BAD_REQUEST), 400, "request.invalid");
    assertRefusal(new ResponseStatusException(HttpStatus.NOT_FOUND), 404, "request.not-found");
    assertRefusal(new ResponseStatusException(HttpStatus.GONE), 410, "request.gone");
    assertRefusal(
        new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT),
        422,
        "request.unprocessable");
    assertRefusal(new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT), 418, "request.refused");
    assertRefusal(
        new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE), 503, "server.unavailable");
    assertRefusal(new Teapot(), 429, "request.too-many");
  }

  @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
  static class Teapot extends RuntimeException {}

  @Test
  void missingParametersHeadersPartsAndPathVariablesNameWhatIsMissing() {
    var parameter = Refusals.of(new MissingServletRequestParameterException("phone", "String"));
    assertThat(parameter.code()).isEqualTo("request.parameter.missing");
    assertThat(parameter.status().value()).isEqualTo(400);
    assertThat(parameter.violations()).containsExactly(new Refused.Violation("phone", "required"));

    var header = Refusals.of(new MissingRequestHeaderException("X-Device", parameter("signed", 0)));
    assertThat(header.code()).isEqualTo("request.header.missing");
    assertThat(header.violations()).containsExactly(new Refused.Violation("X-Device", "required"));

    assertRefusal(new MissingServletRequestPartException("file"), 400, "request.part.missing");
    assertRefusal(
        new MissingPathVariableException("id", parameter("byId", 0), true),
        400,
        "request.path.invalid");
    // a path variable the mapping never declared is our mistake, not the client's
    assertRefusal(
        new MissingPathVariableException("id", parameter("byId", 0), false),
        500,
        "server.unexpected");
  }

  @Test
  void aValueOfTheWrongTypeIsAnInvalidParameterOrPath() {
    var path =
        Refusals.of(
            new MethodArgumentTypeMismatchException(
                "not-a-uuid", UUID.class, "id", parameter("byId", 0), null));
    assertThat(path.code()).isEqualTo("request.path.invalid");
    assertThat(path.violations()).containsExactly(new Refused.Violation("id", "type-mismatch"));

    var query =
        Refusals.of(
            new MethodArgumentTypeMismatchException(
                "two", int.class, "page", parameter("search", 0), null));
    assertThat(query.code()).isEqualTo("request.parameter.invalid");
    assertThat(query.violations()).containsExactly(new Refused.Violation("page", "type-mismatch"));
  }

  @Test
  void aBodyThatFailsValidationNamesTheFieldsOnly() throws Exception {
    var result = new BeanPropertyBindingResult(new Registration("", "abc"), "registration");
    result.rejectValue("phone", "NotBlank", "must not be blank");
    result.rejectValue("name", "Size", "size must be between 0 and 2");
    var refusal = Refusals.of(new MethodArgumentNotValidException(parameter("body", 0), result));
    assertThat(refusal.code()).isEqualTo("request.invalid");
    assertThat(refusal.violations())
        .containsExactly(
            new Refused.Violation("phone", "not-blank"), new Refused.Violation("name", "size"));
    assertNoInternals(refusal);
  }

  @Test
  void methodValidationNamesTheParametersAsTheClientSentThem() throws Exception {
    Method logIn = Endpoints.class.getDeclaredMethod("logIn", String.class, String.class);
    var result =
        new MethodValidationAdapter()
            .validateArguments(
                new Endpoints(), logIn, null, new Object[] {" ", "long"}, new Class<?>[0]);
    var refusal = Refusals.of(new HandlerMethodValidationException(result));
    assertThat(refusal.code()).isEqualTo("request.invalid");
    assertThat(refusal.violations())
        .containsExactlyInAnyOrder(
            new Refused.Violation("phone", "not-blank"), new Refused.Violation("note", "size"));
    assertNoInternals(refusal);
  }

  @Test
  void constraintViolationsDropTheMethodAndParameterNodes() throws Exception {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    Method logIn = Endpoints.class.getDeclaredMethod("logIn", String.class, String.class);
    var parameters =
        validator
            .forExecutables()
            .validateParameters(new Endpoints(), logIn, new Object[] {"", "x"});
    var methodRefusal = Refusals.of(new ConstraintViolationException(parameters));
    assertThat(methodRefusal.violations())
        .containsExactly(new Refused.Violation("phone", "not-blank"));

    var bean = validator.validate(new Registration("13800000000", "too long"));
    var beanRefusal = Refusals.of(new ConstraintViolationException(bean));
    assertThat(beanRefusal.code()).isEqualTo("request.invalid");
    assertThat(beanRefusal.violations()).containsExactly(new Refused.Violation("name", "size"));
    assertNoInternals(methodRefusal);
  }

  @Test
  void unreadableAndOversizedBodies() {
    assertRefusal(
        new HttpMessageNotReadableException("bad json", new MockHttpInputMessage(new byte[0])),
        400,
        "request.malformed");
    assertRefusal(new MaxUploadSizeExceededException(10), 413, "request.too-large");
    assertRefusal(
        new MultipartException("Failed to parse multipart servlet request"),
        400,
        "request.multipart.malformed");
  }

  @Test
  void protocolRefusalsKeepTheirHeaders() {
    var method =
        Refusals.of(new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST")));
    assertThat(method.status().value()).isEqualTo(405);
    assertThat(method.code()).isEqualTo("request.method");
    assertThat(method.headers().getAllow())
        .containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.POST);

    assertRefusal(
        new HttpMediaTypeNotSupportedException(
            MediaType.TEXT_XML, List.of(MediaType.APPLICATION_JSON)),
        415,
        "request.media-type");
    assertRefusal(
        new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
        406,
        "request.not-acceptable");
    assertRefusal(
        new NoResourceFoundException(HttpMethod.GET, "/api/nothing", "api/nothing"),
        404,
        "request.not-found");
    assertRefusal(new AsyncRequestTimeoutException(), 503, "server.unavailable");
  }

  @Test
  void aBusyConnectionPoolIs503WithRetryAfter() {
    var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    for (Throwable busy :
        List.of(
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timeout),
            new CannotCreateTransactionException("Could not open JDBC Connection", timeout),
            new IllegalStateException(new RuntimeException(timeout)))) {
      var refusal = Refusals.of(busy);
      assertThat(refusal.status().value()).as(busy.toString()).isEqualTo(503);
      assertThat(refusal.code()).isEqualTo("server.busy");
      assertThat(refusal.headers().getFirst(HttpHeaders.RETRY_AFTER))
          .isEqualTo(Long.toString(Refusals.BUSY_RETRY_AFTER_SECONDS));
      assertThat(refusal.serverFault()).isFalse();
    }
  }

  @Test
  void csrfIsItsOwnRefusalApartFromOtherAccessRefusals() {
    assertRefusal(new MissingCsrfTokenException(null), 403, "auth.csrf");
    assertRefusal(
        new InvalidCsrfTokenException(
            new org.springframework.security.web.csrf.DefaultCsrfToken(
                "X-XSRF-TOKEN", "_csrf", "right"),
            "wrong"),
        403,
        "auth.csrf");
    assertRefusal(new AccessDeniedException("no"), 403, "auth.forbidden");
    assertRefusal(new BadCredentialsException("no"), 401, "auth.required");
  }

  @Test
  void anythingElseIsOurFaultAndSaysNothingOfIt() {
    var refusal = Refusals.of(new IllegalStateException("secret internal state"));
    assertThat(refusal.status().value()).isEqualTo(500);
    assertThat(refusal.code()).isEqualTo("server.unexpected");
    assertThat(refusal.serverFault()).isTrue();
    assertThat(refusal.toString()).doesNotContain("secret");
  }

  @Test
  void aBareStatusGetsItsGenericCode() {
    assertThat(Refusals.ofStatus(404).code()).isEqualTo("request.not-found");
    assertThat(Refusals.ofStatus(413).code()).isEqualTo("request.too-large");
    assertThat(Refusals.ofStatus(400).code()).isEqualTo("request.invalid");
    assertThat(Refusals.ofStatus(500).code()).isEqualTo("server.unexpected");
    assertThat(Refusals.ofStatus(200).status().value()).isEqualTo(500);
  }

  private static void assertRefusal(Throwable failure, int status, String code) {
    var refusal = Refusals.of(failure);
    assertThat(refusal.status().value()).as(failure.toString()).isEqualTo(status);
    assertThat(refusal.code()).as(failure.toString()).isEqualTo(code);
  }

  private static void assertNoInternals(Refused refusal) {
    assertThat(refusal.toString())
        .doesNotContain(
            "Endpoints", "logIn", "Registration", "registration", "arg0", "org.suishen");
  }
}
