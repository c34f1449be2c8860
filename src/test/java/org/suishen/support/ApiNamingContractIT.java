package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API is one contract (issue 9): every JSON property and every query or path parameter in the
 * OpenAPI document is camelCase, and the answers of the endpoints this issue reworked have the
 * fields their clients read.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiNamingContractIT {

  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  JsonNode openApi() throws Exception {
    return json.readTree(
        mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
  }

  @Test
  void everyPropertyAndParameterIsCamelCase() throws Exception {
    JsonNode api = openApi();
    List<String> offending = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : api.path("components").path("schemas").properties()) {
      for (String property : schema.getValue().path("properties").propertyNames()) {
        if (!CAMEL_CASE.matcher(property).matches()) {
          offending.add(schema.getKey() + "." + property);
        }
      }
    }
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          String name = parameter.path("name").asString();
          if (!CAMEL_CASE.matcher(name).matches()) {
            offending.add(operation.getKey() + " " + path.getKey() + " ?" + name);
          }
        }
      }
    }
    assertThat(api.path("components").path("schemas").size()).isGreaterThan(20);
    assertThat(offending).as("snake_case or other names in the API").isEmpty();
  }

  @Test
  void theReworkedAnswersCarryWhatTheirClientsRead() throws Exception {
    JsonNode schemas = openApi().path("components").path("schemas");
    assertThat(schemas.path("LiveCodeResponse").path("properties").propertyNames())
        .contains(
            "issuedAt", "expiresAt", "expiresInSeconds", "refreshAfterSeconds", "clockSkewSeconds");
    assertThat(schemas.path("DeclaredView").path("properties").propertyNames())
        .contains("id", "declaredAt", "temperature", "regionVisits", "statusUrl");
    assertThat(schemas.path("NewAppeal").path("properties").propertyNames())
        .containsExactlyInAnyOrder("kind", "text", "believedColour", "correctedName");
    assertThat(schemas.path("Mine").path("properties").propertyNames())
        .contains("kind", "text", "believedColour", "correctedName");
  }
}
