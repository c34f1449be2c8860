package org.suishen.dependants.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.suishen.dependants.Relationship;

/**
 * The relationship of a binding request is a string (so that a wrong one gets its own code), and
 * its allowed values are written out in the annotations: they must stay the enum's.
 */
class RelationshipSchemaTest {

  @Test
  void theDocumentedValuesAreTheRelationships() throws NoSuchFieldException {
    String[] names = Arrays.stream(Relationship.values()).map(Enum::name).toArray(String[]::new);
    for (Class<?> request :
        new Class<?>[] {BindRequest.class, MyDependantsApi.EvidenceApplication.class}) {
      // a record component's annotation lands on its field (among others)
      Schema schema = request.getDeclaredField("relationship").getAnnotation(Schema.class);
      assertThat(schema).as(request.getSimpleName()).isNotNull();
      assertThat(schema.allowableValues()).as(request.getSimpleName()).containsExactly(names);
    }
  }
}
