package nl.leerkring.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidationContext;
import nl.leerkring.platform.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * How a form the contract refuses becomes a message next to a field. The schema is shaped like the contract's
 * (a shared text type behind a $ref, a closed list, no extra fields) and checked by the same JSON-schema
 * validator, with the options vertx-openapi uses for an OpenAPI 3.1 contract.
 */
@DisplayName("Form errors")
class FormErrorsTest {

  private static final JsonObject SCHEMA = new JsonObject("""
      {
        "$defs": { "ShortText": { "type": "string", "minLength": 1, "maxLength": 20, "pattern": "\\\\S" } },
        "type": "object",
        "additionalProperties": false,
        "required": ["title"],
        "properties": {
          "title": { "$ref": "#/$defs/ShortText" },
          "kind": { "type": "string", "enum": ["observation", "question"] },
          "references": { "type": "array", "items": { "type": "object", "properties": {
            "url": { "type": "string", "pattern": "^https://" } } } }
        }
      }
      """);
  private static final Validator VALIDATOR = Validator.create(JsonSchema.of(SCHEMA), new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Basic));

  private static Problem refused(JsonObject body) {
    return refused(VALIDATOR, body);
  }

  private static Problem refused(Validator validator, JsonObject body) {
    OutputUnit result = validator.validate(body);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException e) {
      return Forms.refusal(SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, e), body);
    }
    return fail("the schema accepted " + body.encode());
  }

  @Test
  @DisplayName("A text field left empty is to be filled in, not too short")
  void emptyIsMissing() {
    Problem problem = refused(new JsonObject().put("title", ""));
    assertEquals("title", problem.field());
    assertEquals("required", problem.reason());
    assertEquals("Vul dit in.", PageFailures.message("nl", problem));
  }

  @Test
  @DisplayName("A field left out is named by its own name, not by the form that lacks it")
  void missingIsNamed() {
    Problem problem = refused(new JsonObject().put("kind", "observation"));
    assertEquals("title", problem.field());
    assertEquals("required", problem.reason());
  }

  @Test
  @DisplayName("A text that is too long says so at its field")
  void tooLong() {
    Problem problem = refused(new JsonObject().put("title", "x".repeat(21)));
    assertEquals("title", problem.field());
    assertEquals("maxLength", problem.reason());
    assertEquals("Dit is te lang. Maak het korter.", PageFailures.message("nl", problem));
  }

  @Test
  @DisplayName("A choice left unpicked asks to choose one of the options, in the person's language")
  void unpickedChoice() {
    Problem problem = refused(new JsonObject().put("title", "Filter").put("kind", ""));
    assertEquals("kind", problem.field());
    assertEquals("enum", problem.reason());
    assertEquals(I18n.text("en", "error.field.enum"), PageFailures.message("en", problem));
  }

  @Test
  @DisplayName("A wrong value in a known field is reported there, not as an unknown extra field")
  void specificOverExtra() {
    Problem problem = refused(new JsonObject().put("title", "x".repeat(21)).put("colour", "red"));
    assertEquals("title", problem.field());
  }

  @Test
  @DisplayName("A wrong part of a group is shown at the part and at the group")
  void partOfGroup() {
    Problem problem = refused(new JsonObject().put("title", "Filter")
        .put("references", new JsonArray().add(new JsonObject().put("url", "ftp://x"))));
    assertEquals("references/0/url", problem.field());
    JsonObject errors = Pages.errors(problem, "nl");
    String message = PageFailures.message("nl", problem);
    assertEquals(message, errors.getString("references_0_url"));
    assertEquals(message, errors.getString("references"));
  }

  @Test
  @DisplayName("A refusal about no field in particular is shown above the form")
  void aboutTheForm() {
    Problem problem = Problem.badRequest("invalid_request", "The request could not be read.");
    JsonObject errors = Pages.errors(problem, "nl");
    assertEquals(PageFailures.message("nl", problem), errors.getString("form"));
    assertNull(errors.getString("title"));
  }

  @Test
  @DisplayName("Every wrong field is named after one try, each with its own reason, the most telling first")
  void everyMistakeAtOnce() {
    Problem problem = refused(new JsonObject().put("title", "").put("kind", "")
        .put("references", new JsonArray().add(new JsonObject().put("url", "ftp://x"))));
    assertEquals("title", problem.field());
    assertEquals(Set.of("title required", "kind enum", "references/0/url pattern"),
        Set.copyOf(problem.fieldProblems().stream().map(p -> p.field() + " " + p.reason()).toList()));
    JsonObject errors = Pages.errors(problem, "en");
    assertEquals(I18n.text("en", "error.field.enum"), errors.getString("kind"));
    assertEquals(PageFailures.message("en", problem.fieldProblems().get(0)), errors.getString("title"));
    // The API says the same: the first field where it always was, all of them in details.fields.
    JsonArray fields = problem.toJson().getJsonObject("error").getJsonObject("details").getJsonArray("fields");
    assertEquals(3, fields.size());
  }

  @Test
  @DisplayName("Fields left out are each named, not only the first")
  void everyMissingField() {
    JsonObject schema = SCHEMA.copy().put("required", new JsonArray().add("title").add("kind"));
    Validator validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Basic));
    Problem problem = refused(validator, new JsonObject());
    assertEquals(Set.of("title", "kind"), Set.copyOf(problem.fieldProblems().stream()
        .map(Problem::field).toList()));
  }

  @Test
  @DisplayName("Renaming the fields of a problem keeps every one, and two parts of one field stay one mistake")
  void renamed() {
    Problem problem = Problem.invalidFields(List.of(Problem.invalidField("nextSteps/0", "maxLength", "long"),
        Problem.invalidField("nextSteps/2", "maxLength", "long"), Problem.invalidField("nextGoal", "required", "fill")));
    Problem renamed = problem.renameFields(field -> field.startsWith("nextSteps/") ? "nextSteps" : field);
    assertEquals(List.of("nextSteps", "nextGoal"), renamed.fieldProblems().stream().map(Problem::field).toList());
  }
}
