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
    OutputUnit result = VALIDATOR.validate(body);
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
    JsonObject errors = Pages.errors(problem, "Geen geldige link.");
    assertEquals("Geen geldige link.", errors.getString("references_0_url"));
    assertEquals("Geen geldige link.", errors.getString("references"));
  }

  @Test
  @DisplayName("A refusal about no field in particular is shown above the form")
  void aboutTheForm() {
    JsonObject errors = Pages.errors(Problem.badRequest("invalid_request", "The request could not be read."), "Mis");
    assertEquals("Mis", errors.getString("form"));
    assertNull(errors.getString("title"));
  }
}
