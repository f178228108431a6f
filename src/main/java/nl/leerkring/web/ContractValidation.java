package nl.leerkring.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;

/**
 * Checks a request against its operation in the contract, for the API and for the forms that stand for an
 * operation, with vertx-openapi's own checks and refusals, but with the schema validators made once.
 *
 * <p>vertx-openapi 5.0 makes a new validator for every parameter and body of every request, and each copies the
 * contract's whole table of schemas. That was 28 % of the question list's CPU, and half of it in a later
 * profile (issue 14). Here every schema an operation's parameters and bodies name gets one validator, the first
 * time a request needs it (made at the start, they cost the first page a tenth of a second), and
 * vertx-openapi's own validator (which still checks on a worker thread) is handed those. A
 * validator only reads once made (its schema table is its own copy, and the schemas were already shared by every
 * request's validators), so one serves every thread at once. Checking on the event loop instead would mean
 * extending vertx-openapi's internal classes, which this project does not do (ArchitectureTest).
 */
public final class ContractValidation {

  /**
   * The validators of each contract this process has read ({@link nl.leerkring.account.ApiScopes} reads a
   * contract once): a second server in the process, as in the tests, makes none again.
   */
  private static final Map<OpenAPIContract, SchemasValidatedOnce> BY_CONTRACT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final RequestValidator validator;
  private final SchemasValidatedOnce schemas;

  public ContractValidation(Vertx vertx, OpenAPIContract contract) {
    this.schemas = BY_CONTRACT.computeIfAbsent(contract, SchemasValidatedOnce::new);
    this.validator = RequestValidator.create(vertx, new WithSchemas(contract, schemas));
  }

  /** The validated request, or a failed future with vertx-openapi's {@link ValidatorException}. */
  public Future<ValidatedRequest> validate(ValidatableRequest request, String operationId) {
    return validator.validate(request, operationId);
  }

  /**
   * What RouterBuilder puts before an operation's handlers when it validates (its own validation is to be
   * switched off on the route): the validated request in the same place, a refusal as the same 400.
   */
  public InputTrustHandler handler(Operation operation, RequestExtractor extractor) {
    String operationId = operation.getOperationId();
    return ctx -> extractor.extractValidatableRequest(ctx, operation)
        .compose(request -> validate(request, operationId))
        .onSuccess(validated -> {
          ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
          ctx.next();
        })
        .onFailure(failure -> fail(ctx, failure));
  }

  private static void fail(RoutingContext ctx, Throwable failure) {
    ctx.fail(failure instanceof ValidatorException
        ? new HttpException(BAD_REQUEST.code(), failure.getMessage(), failure) : failure);
  }

  /** Validators made so far for the schemas operations name, one per schema. */
  int made() {
    return schemas.made.size();
  }

  /** Validators made for a schema no operation names, one per request; none is expected. */
  long madeForUnnamed() {
    return schemas.madeLate.get();
  }

  /**
   * The contract's schema repository, answering with the one validator of every schema an operation's
   * parameters and request bodies hold. vertx-openapi asks with those very schema objects (made once
   * with the contract), so they are looked up by identity: no hashing of a schema's whole tree per request.
   */
  private static final class SchemasValidatedOnce implements SchemaRepository {

    private final SchemaRepository repository;
    private final Set<JsonSchema> named = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<JsonSchema, Validator> made = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicLong madeLate = new AtomicLong();

    SchemasValidatedOnce(OpenAPIContract contract) {
      this.repository = contract.getSchemaRepository();
      for (Operation operation : contract.operations()) {
        for (Parameter parameter : operation.getParameters()) {
          named.add(parameter.getSchema());
        }
        if (operation.getRequestBody() != null) {
          for (MediaType mediaType : operation.getRequestBody().getContent().values()) {
            if (mediaType.getSchema() != null) {
              named.add(mediaType.getSchema());
            }
          }
        }
      }
    }

    @Override
    public Validator validator(JsonSchema schema) {
      if (!named.contains(schema)) {
        madeLate.incrementAndGet();
        return repository.validator(schema);
      }
      Validator known = made.get(schema);
      return known != null ? known : made.computeIfAbsent(schema, repository::validator);
    }

    @Override
    public Validator validator(String ref) {
      return repository.validator(ref);
    }

    @Override
    public Validator validator(String ref, JsonSchemaOptions options) {
      return repository.validator(ref, options);
    }

    @Override
    public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
      return repository.validator(schema, options, dereference);
    }

    @Override
    public SchemaRepository dereference(JsonSchema schema) {
      repository.dereference(schema);
      return this;
    }

    @Override
    public SchemaRepository dereference(String uri, JsonSchema schema) {
      repository.dereference(uri, schema);
      return this;
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs) {
      repository.preloadMetaSchema(fs);
      return this;
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
      repository.preloadMetaSchema(fs, draft);
      return this;
    }

    @Override
    public JsonObject resolve(JsonObject schema) {
      return repository.resolve(schema);
    }

    @Override
    public JsonSchema find(String pointer) {
      return repository.find(pointer);
    }
  }

  /** The contract as it is, but for its schema repository: the one with validators made once. */
  private record WithSchemas(OpenAPIContract contract, SchemaRepository getSchemaRepository)
      implements OpenAPIContract {

    @Override
    public Operation operation(String operationId) {
      return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
      return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
      return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
      return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
      return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
      return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
      return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
      return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
      return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
      return contract.securityScheme(name);
    }
  }
}
